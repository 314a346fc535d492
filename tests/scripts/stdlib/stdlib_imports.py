# Modules of CPython's own library that import unchanged, exercised a little.
import abc
import bisect
import collections.abc
import contextlib
import copy
import heapq
import keyword
import numbers
import operator
import textwrap
import types
import weakref


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Square(3).area(), isinstance(Square(1), Shape), issubclass(Square, Shape))


class Seq(collections.abc.Sequence):
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return self.n


s = Seq(5)
print(list(s), 9 in s, s.index(16), list(reversed(s)), isinstance([], collections.abc.Sequence))
print(isinstance({}, collections.abc.Mapping), isinstance(3, numbers.Integral), isinstance(2.5, numbers.Real))

data = [5, 1, 8, 3, 9, 2]
heapq.heapify(data)
print([heapq.heappop(data) for _ in range(3)], heapq.nlargest(2, [4, 7, 1, 9]), heapq.merge([1, 4], [2, 3]).__class__.__name__)
xs = [1, 3, 5, 7]
bisect.insort(xs, 4)
print(xs, bisect.bisect_left(xs, 5), keyword.iskeyword("yield"), keyword.iskeyword("match"))
print(operator.itemgetter(1, 0)(("a", "b")), operator.attrgetter("side")(Square(7)), operator.add(2, 3))

print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 2, width=30))
print(textwrap.dedent("    indented\n      more\n    back"), textwrap.shorten("Hello there big world", 15))

nested = {"a": [1, 2, {"b": 3}]}
nested["self"] = nested
clone = copy.deepcopy(nested)
print(clone["a"], clone["self"] is clone, clone is not nested, copy.copy([1, [2]])[1] is not None)


@contextlib.contextmanager
def tag(name):
    print("<" + name + ">")
    yield name.upper()
    print("</" + name + ">")


with tag("p") as t:
    print("inside", t)
with contextlib.suppress(KeyError):
    {}["missing"]
with contextlib.ExitStack() as stack:
    stack.callback(print, "exit callback")
    print("in stack")

ns = types.SimpleNamespace(x=1, y="two")
ns.z = 3
print(ns, ns.x, types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1), isinstance(len, types.BuiltinFunctionType))


class Node:
    pass


node = Node()
r = weakref.ref(node)
print(r() is node, r == weakref.ref(node), type(r).__name__)
