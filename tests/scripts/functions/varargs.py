def f(*args):
    return len(args), args
print(f(), f(1), f(1, "a", None))
def g(a, b=0, *rest):
    return a, b, rest
print(g(1), g(1, 2), g(1, 2, 3, 4))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3), total(*range(10)))
lst = [1, 2, 3]
print(f(*lst), f(*lst, *"xy"), f(0, *lst, 9))
print(max(*lst), min(*"hello"))
