# Mutual recursion and recursion returning mixed types.

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

def hyb(n):
    if n == 0:
        return None
    r = hyb(n - 1)
    if r is None:
        return 1
    if n % 5 == 0:
        return r + 0.5
    return r * 2

def main():
    print([is_even(i) for i in range(30)])
    print([hyb(i) for i in range(25)])


main()
