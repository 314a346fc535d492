class Num:
    def __init__(self, v): self.v = v
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __index__(self): return int(self.v)
    def __round__(self, n=None): return round(self.v, n) if n is not None else round(self.v)
    def __format__(self, spec): return format(self.v, spec) + "!"
n = Num(3.7)
print(int(n), float(n), round(n), round(n, 1), f"{n:.2f}", hex(Num(255)))
class Inv:
    def __invert__(self): return "inverted"
    def __abs__(self): return "absolute"
print(~Inv(), abs(Inv()))
