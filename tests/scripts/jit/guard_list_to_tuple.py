# Indexing a container that is a list for a while and then a tuple.

def get(c, i):
    return c[i] + c[-1]

def main():
    seqs = [[1, 2, 3]] * 10 + [(4, 5, 6)] * 10 + [[7, 8, 9]] * 3 + ["abc"] * 3
    acc = []
    for c in seqs:
        acc.append(get(c, 1))
    print(acc)
    data = [1, 2, 3, 4, 5]
    tot = 0
    for k in range(30):
        if k == 15:
            data = (10, 20, 30, 40, 50)
        tot = tot + data[k % 5]
    print(tot)
    for k in range(30):
        if k == 20:
            data = {0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: 'e'}
        last = data[k % 5]
    print(last, k)


main()
