class A:
    def f(self): return 1
a = A()
m1, m2 = a.f, a.f
print(m1 == m2, m1 is m2, hash(m1) == hash(m2))
print(A.f == A.f, a.f == A().f)
print(repr(a.f).startswith("<bound method A.f of <__main__.A object at"))
print(repr(A.f).startswith("<function A.f at"))
fs = {a.f: "x"}
print(fs[a.f])
