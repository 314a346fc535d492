class Money:
    def __init__(self, c): self.c = c
    def __add__(self, o):
        if isinstance(o, Money): return Money(self.c + o.c)
        if isinstance(o, int): return Money(self.c + o)
        return NotImplemented
    def __radd__(self, o):
        if o == 0: return self
        return NotImplemented
    def __repr__(self): return f"Money({self.c})"
print(Money(1) + Money(2), Money(1) + 5, 0 + Money(3))
print(sum([Money(1), Money(2), Money(3)]))
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + Money(1)
except TypeError as e:
    print("TypeError:", e)
try:
    1 + Money(1)
except TypeError as e:
    print("TypeError:", e)
class Sub(Money):
    def __radd__(self, o):
        return "Sub.__radd__ first"
print(Money(1) + Sub(2))
class IAdd:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
i = IAdd()
i += 1
i += 2
print(i.items)
