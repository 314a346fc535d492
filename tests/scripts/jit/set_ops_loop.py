# Set operations in loops.

def main():
    s = set()
    for i in range(80):
        s.add((i * 7) % 23)
    print(sorted(s), len(s))
    hits = 0
    for i in range(50):
        if i in s:
            hits = hits + 1
        else:
            s.add(i)
    print(hits, len(s))
    seen = set()
    dups = []
    for x in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5] * 3:
        if x in seen:
            dups.append(x)
        seen.add(x)
    print(dups)
    for i in range(10):
        s.discard(i)
    print(min(s), max(s), len(s))


main()
