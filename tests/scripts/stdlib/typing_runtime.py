# CPython's typing at run time: aliases, generics, TypeVar, Protocol, NamedTuple, TypedDict.
import typing
from typing import (Any, Callable, ClassVar, Dict, Generic, List, Literal, NamedTuple, Optional, Protocol, Tuple,
                    TypedDict, TypeVar, Union, cast, get_args, get_origin, get_type_hints, overload, runtime_checkable)

T = TypeVar("T")
K = TypeVar("K", bound=str)
print(T, K, T.__name__, K.__bound__, List[int], Dict[str, List[int]], Optional[int], Union[int, str, None])
print(Tuple[int, ...], Callable[[int, str], bool], Literal["a", 1], ClassVar[int], Any)
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Union[int, str]))
print(Optional[int] == Union[int, None], List[int] == List[int], List[int] != List[str], Union[int, int] is int)


class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(3)
s.push(4)
print(s.pop(), Stack[int], Stack.__parameters__, Stack[str].__origin__ is Stack, Stack.__orig_bases__)
print(isinstance(s, Stack), issubclass(Stack, Generic), type(s).__name__)


class Pair(Generic[K, T]):
    pass


print(Pair[str, int], Pair.__parameters__)
try:
    Pair[int]
except TypeError as e:
    print("TypeError", e)


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class File:
    def close(self):
        pass


print(isinstance(File(), Closer), isinstance(3, Closer), issubclass(File, Closer))
try:
    Closer()
except TypeError as e:
    print("TypeError", e)


class Employee(NamedTuple):
    name: str
    id: int = 3


e = Employee("ann")
print(e, e.id, Employee._fields, Employee.__annotations__, e._replace(id=5))


class Movie(TypedDict, total=False):
    title: str
    year: int


m: Movie = {"title": "Up"}
print(m, Movie.__annotations__, Movie.__total__, sorted(Movie.__optional_keys__))


def greet(name: str, times: int = 1) -> List[str]:
    return [name] * times


print(get_type_hints(greet), greet.__annotations__, cast(int, "x"))


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x


print(f(2), typing.TYPE_CHECKING, typing.NewType("UserId", int)(5), typing.Sequence[int], typing.Iterable)
