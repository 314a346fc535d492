# Shape: a generated function with three 3-item `for` loops and long
# stretches of appends between them (a template's `{% for %}` blocks in its
# text), called 700 times. A bridge from the first loop's end runs into
# the second loop after far more than 200 instructions (LoopEntry): the
# function is huge. Its loops run two or three iterations per entry from
# the interpreter, and entering and leaving machine code costs more than
# that: a loop already traced is demoted once it averages under 4
# iterations per entry over 256 entries (short_loop), and a loop found hot
# afterwards is not recorded when it took under 4 back-edges per call of
# the code (loop_runs_long: short_loops). At these eager thresholds (a hot
# loop every 2 back-edges) both happen. (The appends between them are
# chunks of calls, left to the interpreter too.)
# jit-expect: huge_codes==1 demoted>=1 short_loops>=1 chunks==0 aborts.CallBound>=2


def generate(lines_between):
    src = ["def page(items, k):", "    v = k", "    out = 0", "    acc = []", "    w = acc.append"]
    for block in range(3):
        src.append("    for it in items:")
        src.append("        out += it * %d + v" % (block + 2))
        for j in range(lines_between):
            src.append("    w(str(v + %d))" % j)
    src.append("    return out + v + len(''.join(acc))")
    return "\n".join(src) + "\n"


ns = {}
exec(generate(90), ns)
page = ns["page"]
items = [3, 5, 7]
total = 0
for k in range(700):
    total = (total + page(items, k)) % 1000000007
print(total)
