x = "global"
def f():
    x = "local"
    return x
print(f(), x)
def g():
    return x
print(g())
def h():
    y = 1
    def inner():
        return y + 1
    return inner()
print(h())
def params_are_local(x):
    x = x + 1
    return x
v = 5
print(params_are_local(v), v)
def mutate(lst):
    lst.append(1)
a = []
mutate(a)
mutate(a)
print(a)
def rebind(lst):
    lst = [99]
rebind(a)
print(a)
