import collections
d = collections.deque([1, 2])
print(d.popleft(), d.pop())
try:
    d.pop()
except IndexError as e:
    print("IndexError:", e)
collections.deque().popleft()
