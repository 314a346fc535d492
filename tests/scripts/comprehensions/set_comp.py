print({x % 7 for x in range(100)})
print({abs(x) for x in [-3, -2, -1, 0, 1, 2, 3]})
print(sorted({w[0] for w in "apple avocado banana cherry".split()}))
print(len({(x * 31) % 17 for x in range(50)}))
