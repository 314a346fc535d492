# Shape: a three-way branch produces at least two bridges on one loop.
# jit-expect: loops==1 bridges>=2 aborts==0

def main():
    c0 = 0
    c1 = 0
    c2 = 0
    for i in range(900):
        m = i % 3
        if m == 0:
            c0 = c0 + i
        elif m == 1:
            c1 = c1 + i
        else:
            c2 = c2 + i
    print(c0, c1, c2)


main()
