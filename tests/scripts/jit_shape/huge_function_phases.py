# Shape: a generated function of 3,000 arithmetic statements in two halves
# (`if mode == 0:` ... `else:` ...), called 60 times with mode 0, then 60
# times with mode 1: the hot path changes halfway through the run. The first
# phase marks the function huge and compiles its first half as a chain of
# chunks (statements mostly arithmetic: under chunk_call_percent, so they are
# compiled); in the second phase the function's trace leaves at the `if`,
# the interpreter watches for chunk boundaries, finds none compiled in the
# other half and records new chunks there. Both halves end up in chunks, and
# every result is CPython's. Phase 1 alone compiles 4 chunks; the whole run
# 9, under every policy (the `if x > y` arms become bridges or join, inside
# the chunks). The last chunk, `return x, y` and little else, is mostly a
# call (CallBound). At most two "trace too long" aborts: the function's
# first recording and the module loop's that inlined it.
# jit-params: chunk_limit=1500
# jit-expect: huge_codes==1 aborts.TraceTooLong<=2 hot_exits_unbridged==0 chunks==9 aborts.CallBound==1


def generate(n):
    lines = ["def compute(mode, a, b):", "    x = a", "    y = b", "    if mode == 0:"]
    for k in range(n):
        if k % 3 == 0:
            lines.append("        x = (x * %d + y) %% 10007" % (k % 17 + 2))
        elif k % 3 == 1:
            lines.append("        y = (y + x * %d) %% 10009" % (k % 13 + 3))
        else:
            lines.append("        if x > y:")
            lines.append("            x -= %d" % (k % 7 + 1))
    lines.append("    else:")
    for k in range(n):
        if k % 2 == 0:
            lines.append("        y = (y * %d + x + %d) %% 10037" % (k % 11 + 2, k))
        else:
            lines.append("        x = (x + y * %d) %% 10039" % (k % 5 + 2))
    lines.append("    return x, y")
    return "\n".join(lines) + "\n"


ns = {}
exec(generate(1500), ns)
compute = ns["compute"]
acc = 0
for call in range(120):
    x, y = compute(0 if call < 60 else 1, call, 3 * call + 1)
    acc = (acc * 31 + x * 7 + y) % 1000000007
    if call % 30 == 29:
        print(call, x, y, acc)
