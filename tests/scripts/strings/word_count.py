text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
quick quick slow"""
counts = {}
for line in text.splitlines():
    for w in line.split():
        counts[w] = counts.get(w, 0) + 1
for w in sorted(counts):
    print(w, counts[w])
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(max(text.split(), key=len))
