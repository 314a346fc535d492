a = [4, -2, 7, 0, 7]
print(min(a), max(a), sum(a), sum(a, 100), len(a))
print(max(a, key=lambda x: -x), min(["bb", "a", "ccc"], key=len))
print(max([], default="empty"), min([], default=None))
print(sum([[1], [2], [3]], []))
print(sum([0.1, 0.2, 0.3]), sum(range(1000)))
