class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, y=0): return x + self.n + y
add5 = Adder(5)
print(add5(1), add5(1, y=10), callable(add5), callable(Adder), callable(3))
print(list(map(add5, [1, 2, 3])))
class Truthy:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
print(bool(Truthy(True)), bool(Truthy(False)), "yes" if Truthy(False) else "no", not Truthy(True))
class Sized:
    def __len__(self): return 0
print(bool(Sized()), len(Sized()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
try:
    Truthy(1)()
except TypeError as e:
    print("TypeError:", e)
