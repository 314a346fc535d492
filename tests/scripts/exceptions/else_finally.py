def f(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        r = None
    else:
        print("else", r)
    finally:
        print("finally")
    return r
print(f(2))
print(f(0))
try:
    pass
finally:
    print("finally without except")
