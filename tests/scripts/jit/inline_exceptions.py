# Exceptions raised inside inlined calls: caught by the caller's loop, by an
# intermediate inlined frame, and finally uncaught (the traceback lists every
# frame, the inlined ones included).

def check(i):
    if i == 777:
        raise ValueError("bad %d" % i)
    return i % 7


def guarded(i):
    try:
        return check(i) + 1
    except ValueError:
        return -1


def lookup(d, k):
    return d[k]


def run():
    t = 0
    for i in range(1000):
        try:
            t += check(i)
        except ValueError as e:
            print("caught in loop:", e)
    for i in range(1000):
        t += guarded(i)
    d = {k: k * 2 for k in range(500)}
    for i in range(600):
        try:
            t += lookup(d, i)
        except KeyError as e:
            print("missing", e)
            break
    return t


print(run())


def div(a, b):
    return a // b


def deep(i):
    return div(100, 5 - i)


def main():
    total = 0
    for i in range(100):
        total += deep(i % 5 if i < 60 else 5)
    print(total)


main()
