# Sequences indexed by objects with __index__ (list, tuple, str, bytes,
# range, assignment and deletion), and the errors for a bad __index__.
class I:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class NoIndex:
    pass


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


data = [10, 20, 30]
attempt("list", lambda: data[I(1)])
attempt("list neg", lambda: data[I(-1)])
attempt("tuple", lambda: (1, 2, 3)[I(2)])
attempt("str", lambda: "abc"[I(0)])
attempt("bytes", lambda: b"abc"[I(1)])
attempt("range", lambda: range(10, 20)[I(3)])
attempt("slice", lambda: data[I(1):I(3)])
data[I(0)] = 99
print(data)
del data[I(2)]
print(data)
attempt("out of range", lambda: data[I(5)])
attempt("str out of range", lambda: "abc"[I(7)])
attempt("non-int __index__", lambda: data[I("x")])
attempt("str non-int __index__", lambda: "abc"[I(1.5)])
attempt("no __index__", lambda: data[NoIndex()])
attempt("str no __index__", lambda: "abc"[NoIndex()])
attempt("range no __index__", lambda: range(3)[NoIndex()])
attempt("bool key", lambda: data[True])
attempt("huge", lambda: data[I(2**70)])
