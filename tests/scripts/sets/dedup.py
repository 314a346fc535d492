data = [5, 3, 5, 1, 3, 9, 1, 0, 9]
print(sorted(set(data)), len(set(data)))
seen = set()
out = []
for x in data:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out)
print(sorted(set("mississippi")))
print(len(set(range(100)) - set(range(0, 100, 3))))
