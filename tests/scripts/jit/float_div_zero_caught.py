# ZeroDivisionError raised inside a loop body, caught inside and outside.

def inv_sum(vals):
    s = 0.0
    for v in vals:
        s = s + 1.0 / v
    return s

def main():
    errs = 0
    acc = 0.0
    for i in range(40):
        d = (i % 10) - 5
        try:
            acc = acc + 10.0 / d
        except ZeroDivisionError as e:
            errs = errs + 1
            msg = str(e)
    print(acc, errs, msg)
    try:
        print(inv_sum([1.0, 2.0, 4.0] * 10 + [0.0, 3.0]))
    except ZeroDivisionError as e:
        print("caught", e)
    try:
        k = 0
        for i in range(30):
            k = k + 100 // (25 - i)
    except ZeroDivisionError as e:
        print("caught int", e, i, k)
    x = 0
    for i in range(30):
        try:
            x = x + i % (i % 4)
        except ZeroDivisionError:
            x = x - 1
    print(x)


main()
