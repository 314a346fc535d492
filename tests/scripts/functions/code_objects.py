# Code objects: their attributes (those whose values CPython and Tributary
# share; co_code is each implementation's own bytecode, so only its type and
# shape are compared), co_lines(), replace(), and functions built from a code
# object with types.FunctionType.
import types


def f(a, b=2, *args, c, d=4, **kw):
    x = a + b
    y = [x]
    return x, len(y), "const", 3.5


co = f.__code__
print(type(co).__name__, type(co) is types.CodeType, co.co_name, co.co_qualname)
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames)
print(co.co_filename.endswith("code_objects.py"), co.co_firstlineno)
print(bool(co.co_flags & 0x04), bool(co.co_flags & 0x08), bool(co.co_flags & 0x20))
print(type(co.co_code).__name__, len(co.co_code) > 0, len(co.co_code) % 2 == 0)
print("const" in co.co_consts, 3.5 in co.co_consts, "len" in co.co_names, co.co_stacksize > 0)
print(co.co_freevars, co.co_cellvars)
lines = list(co.co_lines())
print(type(lines[0]).__name__, len(lines[0]), all(s < e for s, e, _ in lines))
print(all(lines[i][1] == lines[i + 1][0] for i in range(len(lines) - 1)), lines[-1][1] == len(co.co_code))
print({10, 11, 12} <= {line for _, _, line in lines})


def posonly(a, b, /, c):
    return a


print(posonly.__code__.co_posonlyargcount, posonly.__code__.co_argcount)


def gen():
    yield 1


print(bool(gen.__code__.co_flags & 0x20), bool(f.__code__.co_flags & 0x20))


def outer():
    z = 1

    def inner():
        return z

    return inner


print(outer.__code__.co_cellvars, outer().__code__.co_freevars, outer().__code__.co_qualname)
print(repr(co).startswith("<code object f at 0x"), repr(co).endswith(", line %d>" % co.co_firstlineno))

# Functions from code objects.
g = types.FunctionType(co, {"len": lambda s: -1})
print(g.__name__, g.__qualname__, g.__defaults__, g.__module__)
try:
    g(1, c=3)
except TypeError as e:
    print("TypeError:", e)
print(g(1, 2, c=3, d=0))
g2 = types.FunctionType(co, globals(), "renamed", (10,))
print(g2.__name__, g2(1, c=0, d=0), g2.__code__ is co)


def h():
    return greeting


h1 = types.FunctionType(h.__code__, {"greeting": "hello"})
h2 = types.FunctionType(h.__code__, {"greeting": "bonjour"})
print(h1(), h2(), h1(), [h1() + h2() for _ in range(3)][-1])
inner = outer()
clone = types.FunctionType(inner.__code__, {}, "clone", None, inner.__closure__)
print(clone(), clone.__closure__[0].cell_contents)
for args in [(1, {}), (co, []), (co, {}, 5), (co, {}, None, [1]), (inner.__code__, {}), (inner.__code__, {}, None, None, ()),
             (inner.__code__, {}, None, None, (1,))]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    types.FunctionType(co)
except TypeError as e:
    print("TypeError:", e)

# replace()
r = h.__code__.replace(co_name="other", co_filename="x.py")
print(r.co_name, r.co_filename, h.__code__.co_name, r is h.__code__, r.co_varnames == h.__code__.co_varnames)
print(types.FunctionType(r, {"greeting": "hi"})())
moved = co.replace(co_firstlineno=100)
print(moved.co_firstlineno, min(l for _, _, l in moved.co_lines() if l) >= 100)
k = (lambda: "old").__code__
k2 = k.replace(co_consts=tuple("new" if c == "old" else c for c in k.co_consts))
print(types.FunctionType(k2, {})(), types.FunctionType(k, {})())
same = co.replace(co_argcount=co.co_argcount, co_flags=co.co_flags)
print(same.co_argcount, same.co_name)
for bad in ({"co_name": 5}, {"bogus": 1}, {"co_firstlineno": "x"}):
    try:
        co.replace(**bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    co.replace(1)
except TypeError as e:
    print("TypeError:", e)

# __code__ assignment: the function runs the new code with its own globals.
def target():
    return 1


target.__code__ = h.__code__
greeting = "module greeting"
print(target(), target.__name__)

# exec of one code object in two namespaces, and the functions it defines.
src = compile("def get():\n    return value\nresult = [get() for _ in range(50)][-1]\n", "<ns>", "exec")
ns1, ns2 = {"value": 1}, {"value": 2}
exec(src, ns1)
exec(src, ns2)
print(ns1["result"], ns2["result"], ns1["get"](), ns2["get"]())
print(eval(compile("value * 10", "<e>", "eval"), ns2), eval(compile("value * 10", "<e>", "eval"), ns1))
for bad in (lambda: (lambda: 0).__code__.replace(co_varnames=("a", "b")),
            lambda: types.FunctionType(code=h.__code__, globals={}, bogus=1),
            lambda: types.FunctionType(h.__code__, {}, code=1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
