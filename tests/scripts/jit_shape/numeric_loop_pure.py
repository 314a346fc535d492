# Shape: a pure numeric loop (ints and floats only, one direction of every
# branch) compiles to one loop with no aborts, no bridges and no side exits
# except the final one.
# jit-expect: loops==1 bridges==0 functions==0 aborts==0 trace_entries==1 side_exits==1

def main():
    s = 0
    f = 0.0
    i = 0
    while i < 3000:
        s = s + i * 3 - (i >> 1)
        f = f + 0.5 * i
        i = i + 1
    print(s, f, i)


main()
