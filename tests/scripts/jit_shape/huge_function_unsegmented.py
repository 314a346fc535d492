# Shape: the old cliff, kept visible: segmenting=0 (no chunks). A generated
# function of 3,000 arithmetic statements is far past trace_limit; every
# recording of it aborts as too long, is retried after backing off, and the
# function is blacklisted after max_retries: it runs in the interpreter (its
# loop-free body gets no machine code at all). With segmenting (the default)
# the same function runs as a chain of chunks (huge_function_phases.py).
# jit-params: segmenting=0
# jit-expect: aborts.TraceTooLong>=3 chunks==0 huge_codes==0 blacklisted>=1


def generate(n):
    lines = ["def compute(a, b):", "    x = a", "    y = b"]
    for k in range(n):
        if k % 2 == 0:
            lines.append("    x = (x * %d + y) %% 10007" % (k % 17 + 2))
        else:
            lines.append("    y = (y + x * %d) %% 10009" % (k % 13 + 3))
    lines.append("    return x, y")
    return "\n".join(lines) + "\n"


ns = {}
exec(generate(3000), ns)
compute = ns["compute"]
acc = 0
for call in range(80):
    x, y = compute(call, 3 * call + 1)
    acc = (acc * 31 + x * 7 + y) % 1000000007
print(acc, x, y)
