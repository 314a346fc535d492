# Annotations evaluated (PEP 526/3107): module and class __annotations__,
# functions' __annotations__ in CPython's order, name mangling, and what is
# not evaluated (annotations of locals, of non-simple targets' names).
import types

x = types.SimpleNamespace(y=types.SimpleNamespace(z=lambda *a, **k: (a, k)))
z = [0, 1, 2]


def f(a: int, *b: str, c: lambda x, y=2: x * y, **d: x.y.z(1, k=2)) -> 1.5e400:
    pass


print(f.__annotations__["return"], f.__annotations__["d"], f.__annotations__["c"](5), sorted(f.__annotations__))


def h(p: [i for i in z if i] = 1, /, q: {1, 2} = 2, *, r: "fwd" = 3) -> None:
    pass


print(h.__annotations__, h.__defaults__, h.__kwdefaults__)


def plain(a, b=2):
    pass


print(plain.__annotations__, (lambda: 0).__annotations__)
plain.__annotations__["a"] = int
print(plain.__annotations__)


class D:
    a: int = 3

    def m(self, __q: int) -> "D":
        pass

    b: str
    if True:
        c: float
    (d): int = 5
    __e: bytes
    obj = types.SimpleNamespace()
    obj.attr: int = 4
    z[0]: str = "zero"


print(D.m.__annotations__, D.__annotations__, D.a, D.d, D.obj.attr, z)
print("__annotations__" in dir(D), hasattr(D, "b"))


def loc():
    q: undefined_name = 3
    return q


print(loc(), loc.__annotations__)


class E(D):
    e: list[int]


print(E.__annotations__)
v: int = 7
w: dict[str, int]
print(__annotations__)
try:
    class Bad:
        k: undefined_in_class
except NameError as e:
    print("NameError", e)
