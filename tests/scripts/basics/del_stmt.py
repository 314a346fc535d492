x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5, 6, 7]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
a, b = 1, 2
del a, b
try:
    a
except NameError as e:
    print(e)
l2 = [1, 2, 3]
del l2[:]
print(l2)
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
