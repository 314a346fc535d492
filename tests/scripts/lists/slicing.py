a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:], a[8:2:-2])
print(a[100:], a[-100:2], a[5:1])
b = a[:]
b[0] = 99
print(a[0], b[0])
a[2:4] = ["x", "y", "z"]
print(a)
a[1:1] = [100, 200]
print(a)
a[:3] = []
print(a)
a[-2:] = "AB"
print(a)
c = list(range(10))
c[::2] = [0, 0, 0, 0, 0]
print(c)
c[1::3] = ["a", "b", "c"]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
d = [1, 2, 3]
d[len(d):] = [4, 5]
print(d)
d[:] = [9]
print(d)
