x = "outer"
res = [x for x in range(3)]
print(res, x)
n = 10
print([n + i for i in range(3)])
def f():
    k = 5
    return [k * i for i in range(3)]
print(f())
def g():
    fs = [lambda: i for i in range(3)]
    return [h() for h in fs]
print(g())
try:
    print(i)
except NameError as e:
    print("NameError:", e)
