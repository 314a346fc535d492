class P:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if not isinstance(o, P): return NotImplemented
        return self.v == o.v
print(P(1) == P(1), P(1) != P(1), P(1) != P(2), P(1) == 1, P(1) != 1, 1 == P(1))
print(P(1) in [P(0), P(1)], [P(1)].index(P(1)), [P(2), P(2)].count(P(2)))
class Q:
    def __ne__(self, o): return "custom ne"
print(Q() != Q(), Q() == Q())
