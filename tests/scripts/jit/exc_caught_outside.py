# Exceptions raised inside compiled loop code, caught outside the loop.

def find(lst, target):
    i = 0
    while True:
        if lst[i] == target:
            return i
        i = i + 1

def main():
    lst = list(range(50))
    print(find(lst, 30))
    try:
        find(lst, 99)
    except IndexError as e:
        print("IndexError", e)
    d = {}
    for i in range(20):
        d[i] = i * i
    try:
        s = 0
        for i in range(40):
            s = s + d[i]
    except KeyError as e:
        print("KeyError", e, s, i)
    try:
        acc = 0
        for v in [1, 2, 3] * 10 + ["x"]:
            acc = acc + v
    except TypeError as e:
        print("TypeError", e, acc)
    try:
        n = 0
        for i in range(100):
            n = n + int("12" if i < 50 else "zz")
    except ValueError as e:
        print("ValueError", e, n, i)


main()
