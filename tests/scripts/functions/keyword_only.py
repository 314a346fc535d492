def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(1, b=2, c=4))
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
def g(*args, sep=","):
    return sep.join([str(a) for a in args])
print(g(1, 2, 3), g(1, 2, sep="|"))
