# Shape: a huge generated function (2,400 arithmetic statements) whose calls
# sometimes raise: a KeyError caught by a `try` in the middle of the body,
# and a ValueError that leaves the function (caught by the caller). Chunks,
# the exits they take when an exception is raised, and the interpreter
# watching for the next chunk after them must give CPython's results, and
# the exception must not leave a frame watched or a recording confused.
# jit-params: chunk_limit=1500
# jit-expect: huge_codes==1 chunks==8 aborts.TraceTooLong<=2


def generate(n):
    lines = ["def compute(a, b, table, bad):", "    x = a", "    y = b"]
    for k in range(n):
        if k == n // 2:
            lines.append("    try:")
            lines.append("        x += table['k%d' % (x % 5)]")
            lines.append("    except KeyError as e:")
            lines.append("        y += len(str(e))")
        elif k == 3 * n // 4:
            lines.append("    if bad and x % 3 == 0:")
            lines.append("        raise ValueError('bad %d' % x)")
        elif k % 2 == 0:
            lines.append("    x = (x * %d + y) %% 10007" % (k % 17 + 2))
        else:
            lines.append("    y = (y + x * %d) %% 10009" % (k % 13 + 3))
    lines.append("    return x, y")
    return "\n".join(lines) + "\n"


ns = {}
exec(generate(2400), ns)
compute = ns["compute"]
table = {"k0": 1, "k1": 2, "k3": 4}
acc = 0
errors = 0
for call in range(90):
    try:
        x, y = compute(call, 7 * call + 1, table, call % 4 == 1)
        acc = (acc * 31 + x * 7 + y) % 1000000007
    except ValueError as e:
        errors += 1
        acc = (acc + len(str(e))) % 1000000007
print(acc, errors)
