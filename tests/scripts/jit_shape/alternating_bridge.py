# Shape: an alternating branch in a hot loop produces a bridge.
# jit-expect: loops==1 bridges>=1 aborts==0 side_exits<=4

def main():
    a = 0
    b = 0
    for i in range(1000):
        if i % 2 == 0:
            a = a + i
        else:
            b = b + i
    print(a, b)


main()
