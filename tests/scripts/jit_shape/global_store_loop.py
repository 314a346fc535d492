# Shape: a hot function storing a global (STORE_GLOBAL) compiles as a
# function trace that writes the global's dict entry directly (no residual
# store_global call: no trace folded `counter`), and the loop calling it
# compiles with the call residual. Storing counter must not make the loop's
# guard on the globals (for `bump`) fail on every iteration: that would
# attach a new bridge per iteration.
# jit-expect: loops==1 functions==1 aborts==0 bridges<=4
# jit-expect: calls_by_helper.store_global==0
counter = 0


def bump():
    global counter
    counter = counter + 1


def main():
    for i in range(100):
        bump()
    print(counter)


main()
