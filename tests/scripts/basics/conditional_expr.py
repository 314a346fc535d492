for i in range(5):
    print("even" if i % 2 == 0 else "odd", "big" if i > 2 else "small" if i > 0 else "zero")
x = 3
y = x * 2 if x > 2 else x - 1
print(y)
print((lambda a: "neg" if a < 0 else "pos")(-1))
z = [1 if i else 0 for i in [0, 2, 0, 3]]
print(z)
print(1 if [] else 2 if {} else 3)
def f(n):
    return n if n < 10 else f(n // 10)
print(f(98765))
