def f(a, b=2, c="three"):
    return (a, b, c)
print(f(1), f(1, 5), f(1, 5, 6), f(1, c=9), f(a=0), f(c=1, b=2, a=3))
def g(x, acc=[]):
    acc.append(x)
    return acc
print(g(1), g(2), g(3, []))
def h(n=1 + 2 * 3):
    return n
print(h())
k = 10
def late(v=k):
    return v
k = 20
print(late())
