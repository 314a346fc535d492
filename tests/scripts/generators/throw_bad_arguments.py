# throw()'s arguments are checked where the exception would be raised: inside
# the innermost generator of a `yield from` chain, so a TypeError for a bad
# argument is raised into the delegating generators, which may catch it.
def inner():
    yield 1
    yield 2


def outer():
    try:
        yield from inner()
    except TypeError as e:
        print("outer caught", e)
        yield 99


g = outer()
print(next(g))
print(g.throw(123))
print(next(g, "end"))


class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return 5


def outer2():
    try:
        yield from NoThrow()
    except TypeError as e:
        print("outer2 caught", e)
        yield 98


g = outer2()
print(next(g))
try:
    g.throw(123)
except TypeError as e:
    print("raised to the caller:", e)


class WithThrow(NoThrow):
    def throw(self, *args):
        print("WithThrow.throw got", len(args), "arguments:", args[0])
        return 7


def outer3():
    yield from WithThrow()


g = outer3()
print(next(g))
print(g.throw(123))
print(g.throw(ValueError, "v"))


def plain():
    try:
        yield 1
    except TypeError:
        print("plain caught")
        yield 2


for args in [(123,), (ValueError, ValueError("x"), 5), (ValueError, 5), (ValueError("a"), 1),
             (ValueError, ("a", "b")), (int,), (), (1, 2, 3, 4)]:
    p = plain()
    next(p)
    try:
        p.throw(*args)
    except Exception as e:
        print(type(e).__name__, e, e.args)
p = plain()
next(p)
try:
    p.throw(ValueError(), None, None)
except ValueError as e:
    print("ValueError", repr(e))
