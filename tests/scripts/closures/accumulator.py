def make_acc(start):
    total = start
    def add(x):
        nonlocal total
        total = total + x
        return total
    def get():
        return total
    return add, get
add, get = make_acc(100)
add(10)
add(-5)
print(get())
add2, get2 = make_acc(0)
print(add2(1), get(), get2())
