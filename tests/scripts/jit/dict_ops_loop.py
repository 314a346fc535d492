# Dict operations in loops: get, set, contains, delete, update.

def main():
    d = {}
    for i in range(60):
        k = i % 13
        d[k] = d.get(k, 0) + i
    print(sorted(d.items()))
    cnt = 0
    for i in range(60):
        if i in d:
            cnt = cnt + d[i]
    print(cnt)
    for i in range(0, 13, 2):
        del d[i]
    print(d)
    words = ("a b c a b a d e a c".split()) * 5
    freq = {}
    for w in words:
        if w in freq:
            freq[w] += 1
        else:
            freq[w] = 1
    print(freq)


main()
