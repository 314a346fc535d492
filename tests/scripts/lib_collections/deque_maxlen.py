from collections import deque
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10); print(m)
m.appendleft(-1); print(m)
m.extend([20, 21]); print(m)
m.extendleft([30]); print(m)
z = deque([1, 2], maxlen=0); z.append(3); print(z, z.maxlen, deque().maxlen)
w = deque(maxlen=2)
for i in range(5):
    w.append(i)
    print(list(w))
try:
    deque([1, 2], maxlen=2).insert(0, 5)
except IndexError as e:
    print('IndexError', e)
for bad in (-1, 'x'):
    try:
        deque([], maxlen=bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
last3 = deque(maxlen=3)
for line in ['a', 'b', 'c', 'd', 'e']:
    last3.append(line)
print(last3, deque([1, 2, 3], 2))
