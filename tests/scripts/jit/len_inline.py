# len() of lists, tuples and strs is read from the object in compiled code; a
# list growing while the loop runs must be seen.
def f(data, s):
    i = 0
    t = 0
    while i < len(data):
        t = t + data[i] + len(s) + len((1, 2))
        i = i + 1
    return t
d = list(range(50))
print(f(d, "héllo"), f(d[:10], ""))
x = [1]
def g(n):
    c = 0
    for i in range(n):
        c = c + len(x)
        if i == 30:
            x.append(2)
    return c
print(g(60))
