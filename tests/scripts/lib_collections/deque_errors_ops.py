from collections import deque
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: deque().pop())
attempt(lambda: deque().popleft())
attempt(lambda: deque([1])[5])
attempt(lambda: deque([1])['a'])
attempt(lambda: deque([1]).remove(2))
attempt(lambda: deque([1]).index(2))
attempt(lambda: deque([1]) + [2])
a = deque([1, 2]); b = deque([1, 2])
print(a == b, a != b, a < deque([1, 3]), a == [1, 2], 2 in a, 5 in a, a + b, a * 2, 2 * a)
a += [3, 4]; print(a)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)
q = deque()
q.append(q)
print(q)
