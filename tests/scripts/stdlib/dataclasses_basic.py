# CPython's dataclasses: defaults, field(default_factory), order, frozen, eq=False,
# inheritance, asdict/astuple/replace/fields/make_dataclass and the errors.
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields
from typing import List, Optional

@dataclass
class Point:
    x: int
    y: int = 0

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False)

@dataclass(frozen=True)
class Frozen:
    name: str
    value: Optional[float] = None

p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(2, 1))
print(Point(5))
print(asdict(p), astuple(p))
print(replace(p, y=10))
print([f.name for f in fields(Version)])
vs = sorted([Version(1, 2), Version(1, 0), Version(0, 9, ['x'])])
print(vs)
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 5))
f = Frozen("a", 1.5)
print(f, hash(f) == hash(Frozen("a", 1.5)))
try:
    f.name = "b"
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
v = Version(1); v.tags.append("t"); print(v, Version(1).tags)
print(dataclasses.is_dataclass(p), dataclasses.is_dataclass(Point), dataclasses.is_dataclass(1))
@dataclass
class C:
    a: int
    b: int = field(default=3, repr=False)
    def total(self): return self.a + self.b
print(C(1), C(1).total(), C.__init__.__doc__ if False else "")
try:
    C()
except TypeError as e:
    print("TypeError", e)
print(Point.__match_args__, repr(Point.__init__.__name__))
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1))
@dataclass
class Sub(Point):
    z: int = 5
print(Sub(1, 2, 3), fields(Sub)[2].default)
print(dataclasses.make_dataclass('Z', [('q', int), ('r', int, field(default=7))])(1))
