# Deep recursion in a function that becomes hot.

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

def sum_to(n, acc):
    if n <= 0:
        return acc
    return sum_to(n - 1, acc + n)

def main():
    tot = 0
    for k in range(20):
        tot = tot + depth(200 + k)
    print(tot)
    print(sum_to(900, 0))
    print(sum_to(500, 0.5))


main()
