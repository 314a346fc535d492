names = ["a", "b", "c"]
ages = [1, 2, 3]
print([f"{i}:{n}" for i, n in enumerate(names)])
print([n * a for n, a in zip(names, ages)])
print({n: a for n, a in zip(names, ages)})
print([(i, j) for i, j in zip(range(5), range(10, 0, -1))])
print([i * v for i, v in enumerate([5, 5, 5], start=1)])
