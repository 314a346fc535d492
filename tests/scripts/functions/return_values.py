def none1():
    pass
def none2():
    return
def early(x):
    if x < 0:
        return "negative"
    if x == 0:
        return "zero"
    return "positive"
print(none1(), none2(), [early(v) for v in [-1, 0, 1]])
def multi():
    return 1, [2], {"three": 3}
a, b, c = multi()
print(a, b, c)
def loop_return(xs):
    for x in xs:
        if x > 2:
            return x
    return -1
print(loop_return([1, 2, 3, 4]), loop_return([]))
