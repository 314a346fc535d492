a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "date", "Elder"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=lambda w: (len(w), w), reverse=True)
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 2)]
recs.sort(key=lambda r: r[1])
print(recs)
recs.sort(key=lambda r: r[1], reverse=True)
print(recs)
f = [3.5, -1, 2, 0.5]
f.sort()
print(f)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
print(sorted([3, 1, 2]), sorted("cba"), sorted((2, 1)), sorted([1, 2, 3], reverse=True))
