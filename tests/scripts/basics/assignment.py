a = 1
b = a
a = 2
print(a, b)
x = y = z = 7
print(x, y, z)
a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "hi"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
h, *mid, t = "abcdef"
print(h, mid, t)
p, *q = [9]
print(p, q)
lst = [0, 0, 0]
lst[1] = 5
print(lst)
i = 0
lst[i], i = 10, 2
print(lst, i)
