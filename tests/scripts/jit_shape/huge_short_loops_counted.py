# Shape: huge_short_loops.py at the default thresholds, called 4,000 times:
# the three 3-item loops of the huge function are found hot after about
# 350 calls, each at under 4 back-edges per call (loop_runs_long), and are
# left to the interpreter without being recorded again (the first
# recordings, before the function was known to be huge, are invalidated
# when it is marked). bench/template.py: its 100 such loops were recorded,
# compiled, bridged and run 256 times before being demoted, twice: 5 % of
# the run; now 101 loops recorded once, 0 demoted. (adaptive bridges the
# first loop's exit differently and demotes two loops it traced first, as
# does the tiered backend, whose loops count iterations already: its modes
# do not check short_loops and demoted.)
# jit-params: threshold=1039,function_threshold=1619,trace_eagerness=200
# jit-expect: huge_codes==1 short_loops>=1 demoted<=2 loops<=3 chunks==0
# jit-expect[none,diamond,generalize,cap:2,cfg]: short_loops==3 demoted==0


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
for k in range(4000):
    total = (total + page(items, k)) % 1000000007
print(total)
