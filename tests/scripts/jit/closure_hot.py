# Closures called in hot loops, including nonlocal state.

def make_adder(n):
    def add(x):
        return x + n
    return add

def make_counter():
    c = 0
    def inc(step):
        nonlocal c
        c = c + step
        return c
    return inc

def main():
    add5 = make_adder(5)
    addf = make_adder(0.25)
    inc = make_counter()
    s = 0
    for i in range(50):
        s = s + add5(i) + inc(1)
    print(s, inc(0))
    t = 0.0
    for i in range(50):
        t = addf(t)
    print(t)
    fs = [make_adder(k) for k in range(5)]
    u = 0
    for i in range(40):
        u = u + fs[i % 5](i)
    print(u)


main()
