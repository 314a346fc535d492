# Shape: nested loops. The inner loop gets its own trace; the outer loop's
# trace runs up to the inner loop's header and continues in the inner
# loop's trace, whose exit (the inner loop ending) gets a bridge that runs
# the rest of the outer body and continues in the outer loop's trace. After
# warm-up every iteration stays in machine code: side exits do not grow
# with the number of outer iterations. (The first bridge recording may stop
# at the outer loop before that loop has a trace: one InnerLoop abort.)
# jit-expect: loops==2 aborts<=1
# jit-expect[none]: bridges>=1 side_exits<=10

def main():
    tot = 0
    for r in [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] * 20:
        for j in range(r * 10):
            tot = tot + j
        tot = tot - r
    print(tot)


main()
