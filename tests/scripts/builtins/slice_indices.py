# slice.indices(length): the start, stop and step a slice selects from a
# sequence of that length, clipped as indexing does; any size of int.


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


class Idx:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


cases = [
    slice(None), slice(3), slice(1, 10, 2), slice(-3, None), slice(None, -1),
    slice(None, None, -1), slice(10, -10, -3), slice(-100, 100), slice(100, 200),
    slice(5, 2), slice(None, None, -2), slice(-1, -100, -1), slice(0, 0, 5),
    slice(True, False), slice(Idx(2), Idx(-1), Idx(1)),
]
for i, s in enumerate(cases):
    for n in (0, 1, 5, 10):
        r = s.indices(n)
        # the clipped indices select what the slice selects
        assert list(range(n))[s] == list(range(*r)), (s, n, r)
        print(i, n, r)

print(slice(None).indices(10**30))
print(slice(-10**30, 10**30, 10**25).indices(10**31))
print(slice(None, None, -10**20).indices(7))
print(slice(1, 2).indices(Idx(4)))
print(slice(1, 2).indices(True))
show(lambda: slice(1, 2).indices(-1))
show(lambda: slice(1, 2, 0).indices(3))
show(lambda: slice("a").indices(3))
show(lambda: slice(1.5, 2).indices(3))
show(lambda: slice(None, None, "x").indices(3))
show(lambda: slice(1).indices("x"))
show(lambda: slice(1).indices(2.0))
show(lambda: slice(1).indices())
show(lambda: slice(1).indices(1, 2))
show(lambda: slice.indices(1, 2))
# indexing takes __index__ slice bounds too
print([0, 1, 2, 3, 4][Idx(1):Idx(-1)], "abcdef"[Idx(4):Idx(0):Idx(-2)], (1, 2, 3)[:Idx(10**20)])
show(lambda: [1, 2][Idx("x"):])
