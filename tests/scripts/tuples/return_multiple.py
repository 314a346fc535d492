def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
print(q, r, divmod2(17, 5))
def stats(xs):
    return min(xs), max(xs), sum(xs) / len(xs)
lo, hi, mean = stats([3, 1, 4, 1, 5, 9, 2, 6])
print(lo, hi, mean)
def swap(a, b):
    return b, a
print(swap(1, "x"))
