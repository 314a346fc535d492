# Regression (issue 10): a bridge for another class joined its region at the
# LOAD_METHOD's CALL, whose inlined callee emits no code, at the same IR index as
# the join below the call: the C() instance ran B.kind's folded result.
class A:
    def kind(self): return 'a'
class B(A):
    def kind(self): return 'b'
class C:
    def kind(self): return 'c'
class D(C): pass
objs = [B(), C(), D(), A()]
out = ''
for i in range(40):
    out += objs[i % 4].kind()
print(out)
