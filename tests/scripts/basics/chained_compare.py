def v(x):
    print("v", x)
    return x

print(1 < 2 < 3)
print(1 < 3 < 2)
print(3 > 2 > 1 > 0)
print(1 == 1 == 1)
print(1 == 1 != 2)
print(1 < 2 > 0)
print(v(1) < v(0) < v(5))
print(v(1) < v(2) < v(3))
x = 5
print(0 <= x < 10, 0 <= x < 5)
print(1 < 2 <= 2 < 3 != 4)
print("a" < "b" < "c")
print([1] < [2] <= [2])
a = [1]
b = a
print(a is b is a, a is not [1])
print(2 in [1, 2] in [[1, 2]])
