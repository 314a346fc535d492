# Shape: a hot function storing a global (STORE_GLOBAL) is inlined into the
# loop calling it, and the store writes the global's dict entry directly (no
# residual store_global call: no trace folded `counter`). Storing counter
# must not make the loop's guard on the globals (for `bump`) fail on every
# iteration: that would attach a new bridge per iteration.
# jit-expect: loops==1 aborts==0 bridges<=4 inlined_calls>=1 calls==0 calls_by_helper.store_global==0
counter = 0


def bump():
    global counter
    counter = counter + 1


def main():
    for i in range(100):
        bump()
    print(counter)


main()
