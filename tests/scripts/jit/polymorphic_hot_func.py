# A hot function called with different argument types.

def combine(a, b):
    return a + b * 2

def neg(x):
    return -x

def main():
    out = []
    args = [(1, 2), (1.5, 2), (1, 2.5), ("a", "b"), ([1], [2]), ((1,), (2,)), (True, 3)]
    for i in range(60):
        a, b = args[i % 7] if i > 20 else args[0]
        out.append(combine(a, b))
    print(out[18:])
    s = 0
    for v in list(range(30)) + [2 ** 47, 2 ** 50, -(2 ** 47)] + [0.5] * 3:
        s = s + neg(v)
    print(s)


main()
