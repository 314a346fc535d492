# Assigning a class's __name__ and __qualname__ (typing renames its io class).
class io: pass
io.__name__ = 'typing.io'
print(io.__name__, io.__qualname__, io)
io.__qualname__ = 'A.B'
print(io.__name__, io.__qualname__, io, repr(io()).split(" ")[0])
for v in (3, None):
    try:
        io.__name__ = v
    except TypeError as e: print(e)
try:
    io.__qualname__ = 3
except TypeError as e: print(e)
try:
    int.__name__ = "x"
except TypeError as e: print(e)
print("__name__" in io.__dict__)
import typing, sys
print(sys.modules["typing.io"], sys.modules["typing.io"].__name__)
