# Looping over a list while appending to it, stopping with break.

def main():
    lst = [1, 2, 3]
    for x in lst:
        if x > 200:
            break
        lst.append(x * 2 + 1)
    print(len(lst), lst[-5:], x)
    q = [0]
    i = 0
    while i < len(q):
        v = q[i]
        if v < 30:
            q.append(v + 3)
            q.append(v + 5)
        if len(q) > 150:
            break
        i = i + 1
    print(len(q), sum(q), i)
    seen = [5]
    for v in seen:
        if len(seen) >= 60:
            break
        seen.append((v * 7) % 31)
    print(seen)


main()
