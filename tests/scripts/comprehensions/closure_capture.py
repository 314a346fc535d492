def outer(n):
    return [lambda x, i=i: x * i + n for i in range(3)]
print([f(10) for f in outer(1)])
def counter_list():
    total = 0
    vals = [1, 2, 3]
    res = [v + total for v in vals]
    total = 100
    return res, [v + total for v in vals]
print(counter_list())
