x = 5
g = (x + i for i in range(3))
x = 100
print(list(g))
def make():
    ys = [1, 2, 3]
    return (y * 2 for y in ys)
print(list(make()))
class C:
    vals = [1, 2, 3]
    doubled = list(v * 2 for v in vals)
print(C.doubled)
data = [[1, 2], [3, 4]]
print(list(x for row in data for x in row))
it = iter([1, 2, 3])
g = (v for v in it)
print(next(it), list(g))
