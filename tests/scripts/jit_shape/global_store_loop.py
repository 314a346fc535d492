# Shape: a hot function storing a global (STORE_GLOBAL) is not compiled as a
# function trace (its recording aborts), but the loop calling it still
# compiles, with the call residual. Storing counter must not make the
# loop's guard on the globals (for `bump`) fail on every iteration: that
# would attach a new bridge per iteration (currently ~50 for 100 calls).
# jit-expect: loops==1 functions==0 aborts>=1 bridges<=4
counter = 0


def bump():
    global counter
    counter = counter + 1


def main():
    for i in range(100):
        bump()
    print(counter)


main()
