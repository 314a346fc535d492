"""Under `from __future__ import annotations` they are strings, CPython's unparse."""
from __future__ import annotations

import typing


class C:
    x: int
    y: typing.List[int] = 3
    z: dict[str, tuple[int, ...]] | None
    w: (int, str)
    v: "fwd"
    u: Callable[[int], -1 if a else b ** c ** d]
    t: (a + b) * c - (d - e) - f
    __p: int
    s: not a or b and (c or d)
    r: x[1:2, ::3, ...]
    q: {1: 2, **d}
    o: [i for i in z if i > 0]
    n: lambda a, *b, c=1, **d: a
    m: f"a{b!r:>{w}}c"
    l: 1 .real + ((a, b), [*c])
    k: x < y <= z is not w not in v
    j: -(-x) ** -y


print(C.__annotations__, C.y)


def f(a: int, *b: str, c: lambda x, y=2: x, **d: not x) -> 1.5e400:
    pass


def g(a: undefined1, /, b: undefined2[int] = 2) -> undefined3:
    pass


print(f.__annotations__, g.__annotations__, typing.get_type_hints(C.__init__))
