# Early returns from nested loops inside hot functions.

def first_pair(lst, target):
    for i in range(len(lst)):
        for j in range(i + 1, len(lst)):
            if lst[i] + lst[j] == target:
                return i, j
    return None

def main():
    lst = [(k * 37) % 101 for k in range(40)]
    res = []
    for t in range(0, 200, 9):
        res.append(first_pair(lst, t))
    print(res)


main()
