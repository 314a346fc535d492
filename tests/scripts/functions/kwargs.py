def f(**kw):
    return kw
print(f(), f(a=1), f(b=2, a=1))
def g(x, *args, **kwargs):
    return x, args, kwargs
print(g(1), g(1, 2, 3), g(1, 2, k="v"), g(x=5, y=6))
opts = {"sep": "-", "end": "!\n"}
print("a", "b", **opts)
def h(a, b, c):
    return a * 100 + b * 10 + c
d = {"c": 3, "a": 1, "b": 2}
print(h(**d), h(1, **{"c": 5, "b": 4}), h(*[7], **{"b": 8, "c": 9}))
try:
    h(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
