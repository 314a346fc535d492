# Shape: small-int overflow inside a compiled loop exits to the interpreter
# (side exit), which continues in big ints.
# jit-expect: loops==1 aborts==0
# jit-expect[none]: bridges>=1

def main():
    x = 1
    n = 0
    for i in range(400):
        x = x + x
        if x > 2 ** 200:
            x = 1
        n = n + 1
    print(x, n)


main()
