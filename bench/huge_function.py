# One generated function of 10,000+ statements, called many times (benchmark;
# seed 003, "Better JIT support for auto-generated Python code"). Unlike
# template.py, whose function is mostly `_w(...)` calls with a small loop
# every few sections, this one mixes statement kinds the way report and
# serializer generators do: string pieces appended to a list, str() and
# %-formatting of ints and floats, dict and attribute lookups, running
# sums, `if` blocks on data, rare small `for` loops, and long stretches with
# no loop at all (a trace of the whole function is far past any trace
# limit, and there is no loop to cut it at).
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of calls);
# --statements=N sets the function's size (default 12000).
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


def statements_wanted():
    for arg in sys.argv[1:]:
        if arg.startswith("--statements="):
            return int(arg[len("--statements="):])
    return 12000


class Rng:
    """A small LCG, so that the generated source is the same on every VM."""

    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) % 2147483648
        return (self.s >> 8) % n


def generate(n):
    """The source of `def report(row, cfg, acc)`: about n statements."""
    rng = Rng(7)
    lines = ["def report(row, cfg, acc):", "    out = []", "    w = out.append", "    total = 0", "    fsum = 0.0"]
    count = 0
    while count < n:
        k = rng.next(10)
        c = count
        if k == 0:
            lines.append("    w('<td class=\"c%d\">')" % c)
            count += 1
        elif k == 1:
            lines.append("    w(str(row['f%d']))" % (c % 23))
            count += 1
        elif k == 2:
            lines.append("    total += row['f%d'] * %d" % (c % 23, c % 7 + 1))
            count += 1
        elif k == 3:
            lines.append("    w('%%s=%%d' %% (cfg.name, total %% %d))" % (c % 97 + 2))
            count += 1
        elif k == 4:
            lines.append("    fsum += cfg.scale * %d.5" % (c % 5))
            count += 1
        elif k == 5:
            lines.append("    if row['f%d'] %% %d == 0:" % (c % 23, c % 3 + 2))
            lines.append("        w('even%d')" % c)
            lines.append("        total += %d" % (c % 11))
            lines.append("    else:")
            lines.append("        w(cfg.label)")
            count += 4
        elif k == 6:
            lines.append("    acc[%d] = acc[%d] + total %% %d" % (c % 16, c % 16, c % 13 + 1))
            count += 1
        elif k == 7:
            lines.append("    if cfg.verbose:")
            lines.append("        w('v%%d' %% row['f%d'])" % (c % 23))
            count += 2
        elif k == 8 and rng.next(8) == 0:
            lines.append("    for x in cfg.small:")
            lines.append("        total += x * %d" % (c % 9 + 1))
            count += 2
        else:
            lines.append("    w(row['name'])")
            count += 1
    lines.append("    w('%.3f' % fsum)")
    lines.append("    return ''.join(out), total")
    return "\n".join(lines) + "\n"


class Config:
    def __init__(self, i):
        self.name = "cfg%d" % (i % 5)
        self.label = "L<%d>" % i
        self.scale = 0.25 * (i % 4 + 1)
        self.verbose = i % 3 == 0
        self.small = [1, 2, 3][: i % 3 + 1]


def make_row(i):
    row = {"name": "row%d" % i}
    for f in range(23):
        row["f%d" % f] = (i * 31 + f * 17) % 1000
    return row


def main():
    source = generate(statements_wanted())
    namespace = {}
    exec(source, namespace)
    report = namespace["report"]
    calls = max(2, int(2000 * bench_scale()))
    rows = [make_row(i) for i in range(32)]
    cfgs = [Config(i) for i in range(7)]
    acc = [0] * 16
    t0 = time.perf_counter()
    chars = 0
    grand = 0
    first = None
    for i in range(calls):
        text, total = report(rows[i % 32], cfgs[i % 7], acc)
        chars += len(text)
        grand += total
        if first is None:
            first = text[:40]
    t1 = time.perf_counter()
    print("lines = %d" % source.count("\n"))
    print("calls = %d, chars = %d, total = %d, acc = %d" % (calls, chars, grand, sum(acc)))
    print("first = %r" % first)
    print("time = %.4f s" % (t1 - t0))


main()
