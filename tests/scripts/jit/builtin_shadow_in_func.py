# A builtin used in a function trace is shadowed by a new module global.
def f(lst):
    t = 0
    for x in lst:
        t = t + len(x)
    return t
data = [[0] * (i % 5) for i in range(30)]
print(f(data), f(data), f(data), f(data))
def len(x):
    return 1000
print(f(data))
del len
print(f(data))
def g(v):
    return abs(v) + 1
r = 0
for i in range(30):
    r = r + g(-i)
print(r)
abs = str
try:
    print(g(-3))
except TypeError as e:
    print("TypeError", e)
del abs
print(g(-3))
