fs = []
for i in range(4):
    fs.append(lambda: i)
print([f() for f in fs])
gs = []
for i in range(4):
    gs.append(lambda i=i: i)
print([g() for g in gs])
def make(i):
    return lambda: i * 10
hs = [make(i) for i in range(4)]
print([h() for h in hs])
def outer():
    x = 1
    f = lambda: x
    x = 2
    return f
print(outer()())
