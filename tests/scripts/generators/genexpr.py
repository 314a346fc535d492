total = sum(x * x for x in range(10))
print(total)
print(list(x for x in "abc" if x != "b"))
print(max(len(w) for w in ["a", "abc", "ab"]))
g = (i for i in range(3))
print(next(g), list(g), list(g))
print(sorted((x % 3, x) for x in range(6)))
print(dict((k, k * 2) for k in range(3)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []))
pairs = list((a, b) for a in range(3) for b in range(a) if (a + b) % 2)
print(pairs)
n = 10
print(list(x + n for x in range(3)))
print(",".join(str(i) for i in range(5)))
ge = (1 / x for x in [1, 0])
print(next(ge))
try:
    next(ge)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
