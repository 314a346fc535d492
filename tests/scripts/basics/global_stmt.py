counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc(); inc()
print(counter)
def make():
    global newvar
    newvar = "created"
make()
print(newvar)
total = 100
def read_only():
    return total * 2
print(read_only())
def shadow():
    total = 5
    return total
print(shadow(), total)
def g1():
    global a, b
    a, b = 1, 2
g1()
print(a, b)
def nested():
    def inner():
        global counter
        counter = -1
    inner()
nested()
print(counter)
