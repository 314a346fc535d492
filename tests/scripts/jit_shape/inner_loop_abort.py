# Shape: nested loops. The inner loop gets its own trace; recording the
# outer loop runs into the inner loop and aborts with InnerLoop.
# jit-expect: loops==1 aborts.InnerLoop>=1 trace_entries>=10

def main():
    tot = 0
    for r in [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]:
        for j in range(r * 10):
            tot = tot + j
    print(tot)


main()
