# Rebinding a global function called from a hot loop.
def f(x):
    return x + 1

def g(x):
    return x * 10

def loop(n):
    global f
    s = 0
    for i in range(n):
        s = s + f(i)
        if i == 15:
            f = g
    return s

print(loop(30))
print(loop(30))
f = lambda x: x - 1
print(loop(10))
total = 0
h = len
for i in range(30):
    total = total + h([1] * i)
    if i == 12:
        h = sum
print(total)
