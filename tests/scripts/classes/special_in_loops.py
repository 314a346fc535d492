class Money:
    __slots_like__ = ()
    def __init__(self, cents): self.cents = cents
    def __add__(self, o): return Money(self.cents + o.cents)
    def __lt__(self, o): return self.cents < o.cents
    def __eq__(self, o): return self.cents == o.cents
    def __hash__(self): return hash(self.cents)
    def __repr__(self): return f"${self.cents / 100:.2f}"
total = Money(0)
for i in range(1000):
    total = total + Money(i)
print(total)
big = [Money(i * 37 % 101) for i in range(50)]
print(max(big), min(big), sorted(big)[:3])
print(len(set(big)), Money(5) in set(big))
