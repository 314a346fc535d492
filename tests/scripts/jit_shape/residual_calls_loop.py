# Shape: residual calls (builtins, methods, get/set item) do not prevent a
# loop trace; no aborts.
# jit-expect: loops==1 bridges==0 aborts==0 side_exits==1

def main():
    out = []
    d = {}
    for i in range(800):
        out.append(len(str(i)))
        d[i % 7] = d.get(i % 7, 0) + 1
    print(sum(out), d)


main()
