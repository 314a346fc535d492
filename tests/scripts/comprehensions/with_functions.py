def sq(x):
    return x * x
print([sq(x) for x in range(6)])
print(sum([sq(x) for x in range(100)]))
print(max([len(s) for s in ["ab", "abcd", "a"]]))
print(sorted([(-x, x) for x in [3, 1, 2]]))
print(list(map(sq, [x for x in range(4)])))
print([f(2) for f in [sq, abs, str]])
print(all([x > 0 for x in [1, 2]]), any([x > 5 for x in [1, 2]]))
