it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)
s = iter("ab")
print(next(s), list(s), list(s))
r = iter(range(3))
for x in r:
    print(x, next(r, "end"))
d = iter({"a": 1, "b": 2})
print(next(d), next(d))
