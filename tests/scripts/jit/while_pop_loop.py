# Worklist loops (pop/append) with data-dependent control flow.

def main():
    stack = [100]
    steps = 0
    total = 0
    while stack:
        n = stack.pop()
        steps = steps + 1
        total = total + n
        if n > 1:
            if n % 2:
                stack.append(3 * n + 1)
            else:
                stack.append(n // 2)
    print(steps, total)
    work = list(range(20))
    out = []
    while len(work) > 0 and len(out) < 50:
        v = work.pop(0)
        out.append(v)
        if v % 3 == 0 and v < 100:
            work.append(v * 2 + 1)
    print(out, len(work))


main()
