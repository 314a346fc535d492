def f(a, b):
    return a + b
try:
    f(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f(1, c=2)
except TypeError as e:
    print(e)
try:
    f(1, a=2)
except TypeError as e:
    print(e)
def g():
    return 0
try:
    g(1)
except TypeError as e:
    print(e)
try:
    (5)()
except TypeError as e:
    print(e)
try:
    "str"(1)
except TypeError as e:
    print(e)
