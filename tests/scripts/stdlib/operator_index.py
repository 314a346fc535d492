# operator.index is _operator's (CPython's PyNumber_Index): TypeError, not
# AttributeError, for a value without __index__; an exact int back.
import operator

class I(int):
    pass

class Idx:
    def __index__(self):
        return 7

class Bad:
    def __index__(self):
        return 1.5

print(repr(operator.index(5)), repr(operator.index(True)), type(operator.index(I(3))).__name__,
      operator.index(Idx()), operator.index(-2**80))
for args in [(1.0,), ("3",), (Bad(),), (), (1, 2)]:
    try:
        operator.index(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    operator.index(a=1)
except TypeError as e:
    print("TypeError", e)
