# Shape: `d.add(e).dot(d)` builds a temporary vector per iteration that
# only its own block reads: the optimizer removes its allocation (a VNEW
# that exits would build; none is taken), so the loop's machine code
# allocates nothing and calls no helper (before: CALL new_instance and two
# slot stores per iteration; 0.29 -> 0.036 s for 10**7 iterations).
# jit-expect: allocations_removed>=1 ops.CALL==0 materialized==0


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return V(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


def run(n):
    acc = 0.0
    d = V(1.0, 2.0)
    e = V(0.5, 0.25)
    for i in range(n):
        acc += d.add(e).dot(d)
    return acc


print(run(5000))
