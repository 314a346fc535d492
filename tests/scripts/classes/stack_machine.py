class Op:
    def apply(self, stack):
        raise NotImplementedError(type(self).__name__)
class Push(Op):
    def __init__(self, v): self.v = v
    def apply(self, stack): stack.append(self.v)
class BinOp(Op):
    def apply(self, stack):
        b = stack.pop(); a = stack.pop()
        stack.append(self.compute(a, b))
class Add(BinOp):
    def compute(self, a, b): return a + b
class Mul(BinOp):
    def compute(self, a, b): return a * b
class Dup(Op):
    def apply(self, stack): stack.append(stack[-1])
prog = [Push(2), Push(3), Add(), Dup(), Mul(), Push(1), Add()]
stack = []
for op in prog:
    op.apply(stack)
print(stack)
total = 0
for i in range(200):
    st = []
    for op in [Push(i), Dup(), Mul(), Push(3), Add()]:
        op.apply(st)
    total += st[0]
print(total)
try:
    Op().apply([])
except NotImplementedError as e:
    print("NotImplementedError:", e)
