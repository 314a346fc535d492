def inner():
    try:
        yield "i1"
        yield "i2"
    except KeyError:
        yield "inner caught"
    return "inner done"
def outer():
    r = yield from inner()
    yield "outer got " + r
o = outer()
print(next(o))
print(o.throw(KeyError))
print(next(o))
def inner2():
    yield 1
    yield 2
def outer2():
    try:
        yield from inner2()
    except ValueError as e:
        yield "outer caught " + str(e)
o2 = outer2()
print(next(o2), o2.throw(ValueError("v")))
def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")
c = closing_outer()
next(c)
c.close()
