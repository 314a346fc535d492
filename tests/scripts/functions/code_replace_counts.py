# code.replace() of the argument counts, local names, co_code and the tables:
# what a valid replacement does when called, and CPython's errors for an
# invalid code object.
import types


def show(label, f, *args, **kwargs):
    try:
        print(label, f(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)


def two(a, b):
    return (a, b)


c = two.__code__
# Fewer positional parameters: b becomes a plain local, unbound at the call.
one = types.FunctionType(c.replace(co_argcount=1), globals(), "one")
print(one.__code__.co_argcount, one.__code__.co_varnames)
show("one(1):", one, 1)
show("one(1, 2):", one, 1, 2)
show("one(a=1):", one, a=1)

# Positional-only parameters.
po = types.FunctionType(c.replace(co_posonlyargcount=2), globals(), "po")
show("po(1, 2):", po, 1, 2)
show("po(a=1, b=2):", po, a=1, b=2)
po1 = types.FunctionType(c.replace(co_posonlyargcount=1), globals(), "po1")
show("po1(1, b=2):", po1, 1, b=2)

# A keyword-only parameter instead of the second positional one.
kw = types.FunctionType(c.replace(co_argcount=1, co_kwonlyargcount=1), globals(), "kw")
show("kw(1, b=2):", kw, 1, b=2)
show("kw(1, 2):", kw, 1, 2)
show("kw(1):", kw, 1)
print(kw.__code__.co_kwonlyargcount)


def with_varargs(a, *rest, **named):
    return (a, rest, named)


vc = with_varargs.__code__
print(vc.co_argcount, vc.co_varnames, vc.co_flags & 0x0C)
zero = types.FunctionType(vc.replace(co_argcount=0), globals(), "zero")
show("zero(1, 2, k=3):", zero, 1, 2, k=3)

# One more local: co_varnames and co_nlocals together.
more = c.replace(co_varnames=c.co_varnames + ("extra",), co_nlocals=c.co_nlocals + 1)
print(more.co_nlocals, more.co_varnames)
show("more(3, 4):", types.FunctionType(more, globals()), 3, 4)
renamed = c.replace(co_varnames=("x", "y"))
show("renamed(x=5, y=6):", types.FunctionType(renamed, globals()), x=5, y=6)
show("renamed(a=5, b=6):", types.FunctionType(renamed, globals()), a=5, b=6)

# The code's own co_code, tables and stack size are accepted as they are.
same = c.replace(co_code=c.co_code, co_linetable=c.co_linetable, co_exceptiontable=c.co_exceptiontable,
                 co_stacksize=c.co_stacksize)
print(same.co_code == c.co_code, type(c.co_linetable).__name__, type(c.co_exceptiontable).__name__)
show("same(7, 8):", types.FunctionType(same, globals()), 7, 8)
bigger = c.replace(co_stacksize=c.co_stacksize + 10)
print(bigger.co_stacksize - c.co_stacksize)
show("bigger(1, 2):", types.FunctionType(bigger, globals()), 1, 2)

# Invalid code objects: CPython's errors.
for changes in [
    dict(co_argcount=-1),
    dict(co_posonlyargcount=-2),
    dict(co_kwonlyargcount=-1),
    dict(co_nlocals=-1),
    dict(co_stacksize=-1),
    dict(co_flags=-1),
    dict(co_firstlineno=-5),
    dict(co_argcount=3),
    dict(co_kwonlyargcount=1),
    dict(co_argcount=2, co_kwonlyargcount=1),
    dict(co_nlocals=5),
    dict(co_nlocals=0),
    dict(co_varnames=("a",)),
    dict(co_varnames=("a", "b", "c")),
    dict(co_code=b"\x00\x01\x02"),
    dict(co_code="ab"),
    dict(co_varnames=["a", "b"]),
    dict(co_consts=[None]),
    dict(co_argcount="2"),
    dict(co_argcount=2**40),
    dict(co_argcount=2.0),
    dict(co_bogus=1),
]:
    try:
        c.replace(**changes)
        print(changes, "accepted")
    except Exception as e:
        print(changes, type(e).__name__, e)

# More positional-only than positional parameters: SystemError (CPython's
# message names its C source line).
try:
    c.replace(co_posonlyargcount=3)
except SystemError as e:
    print("SystemError")
try:
    c.replace(co_varnames=("a", 1))
except SystemError as e:
    print("SystemError", e)
try:
    c.replace(1)
except TypeError as e:
    print("TypeError", e)
