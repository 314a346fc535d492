# Regression (issue 10): a method patched mid-loop over two class trees —
# wrong counts under generalize/adaptive, SIGSEGV under cap:2 and cfg.
class B0:
    def kind(self): return 'base'
class D0(B0):
    def kind(self): return 'der'
class D0b(B0): pass
class B1:
    def kind(self): return 'base'
class D1(B1):
    def kind(self): return 'der'
objs = [D0b(), D0(), B0(), D1(), B1()]
out = []
for i in range(300):
    if i == 150:
        D0.kind = lambda self: "patched"
    out.append(objs[i % 5].kind())
print(out.count('base'), out.count('der'), out.count('patched'))
