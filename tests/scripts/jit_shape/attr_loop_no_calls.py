# Shape: attribute loads and stores on an instance compile to shape guards
# and slot accesses (no residual get_attr/set_attr), and a method call on it
# calls the known function with self (no bound-method lookup).
# jit-expect: loops==1 aborts==0 calls_by_helper.get_attr==0 calls_by_helper.set_attr==0 calls_by_helper.call<=1


class Body:
    def __init__(self):
        self.x = 0.0
        self.v = 1.5
        self.n = 0

    def energy(self):
        return self.v * self.v


def run(b, steps):
    e = 0.0
    for i in range(steps):
        b.x = b.x + b.v
        b.n = b.n + 1
        e += b.energy()
    return e


b = Body()
print(run(b, 100), b.x, b.n)
