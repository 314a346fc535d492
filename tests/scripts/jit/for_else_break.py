# for/else and while/else with break decided late.

def search(lst, t):
    for i in range(len(lst)):
        if lst[i] == t:
            break
    else:
        return -1
    return i

def main():
    data = list(range(0, 200, 3))
    print([search(data, t) for t in (0, 3, 99, 150, 198, 100, 1)])
    n = 0
    while n < 50:
        n = n + 1
        if n == 60:
            break
    else:
        n = -n
    print(n)


main()
