# Issue 10: 16 independent branch points mixing is-None defaults, float
# comparisons and int/float type switches (bench/gen_branches.py --kind mixed
# --n 16 --rows 200 --passes 3, its timing line dropped): every policy prints CPython's total.
#
# Shape (issue 12): pure tracing grows a bridge per combination.
# The merging policies merge one bridge per branch point: at a type switch
# (`x = x * 2` or `x = x * 0.75`) the bridge joins a statement later, where
# the region's code no longer reads x and a boxed PHI costs no check (before:
# generalize 19 bridges, 8 of them separate copies of the rest; cap:2 and
# cfg 48-50, frozen; diamond 22, 19 separate). cfg no longer widens at the
# switch itself: the check below would fail on the bridge's own path (31
# bridges with that join).
# jit-expect[none]: bridges>=150 merges==0
# Two bridges more (18), separate: the path from the inner loop's end (`for
# row in DATA`) ends at the outer loop's header, which has no trace yet;
# once it has one, the second jumps into it.
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: bridges==18 merges==16 bridges_unmerged==2 frozen==0
import sys
import time


def bench_scale():
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    # posix, not os: importing os.py would add its functions to the JIT's shape counts.
    import posix
    return float(posix.environ.get(b"BENCH_SCALE", b"1").decode())


N = 16
ROWS = 200
PASSES = max(1, int(3 * bench_scale()))
TAKE = 32768  # first arm taken when the 16-bit draw is below this


def make_data():
    state = 12345
    rows = []
    for i in range(ROWS):
        row = []
        for j in range(N):
            state = (state * 1664525 + 1013904223) % 4294967296
            first = ((state >> 8) & 65535) < TAKE
            state = (state * 1664525 + 1013904223) % 4294967296
            row.append((None if first else ((state >> 12) % 2048) / 256.0 - 4.0) if j % 3 == 0 else (((state >> 12) % 1000) / -100.0 - 0.5 if first else ((state >> 12) % 1000) / 100.0) if j % 3 == 1 else ((state >> 12) % 97 if first else ((state >> 12) % 97) * 0.5))
        rows.append(row)
    return rows

def fn(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15):
    y = 0.0
    if x0 is None:
        x0 = 0.5
    y = y * 0.5 + x0
    if x1 < 0.0:
        y = y - 2.0
        x1 = -x1
    else:
        y = y + 3.0
    y = y * 0.5 + x1
    if type(x2) is int:
        x2 = x2 * 2 + 2
    else:
        x2 = x2 * 0.75
    y = y * 0.5 + x2
    if x3 is None:
        x3 = 1.25
    y = y * 0.5 + x3
    if x4 < 0.0:
        y = y - 5.0
        x4 = -x4
    else:
        y = y + 6.0
    y = y * 0.5 + x4
    if type(x5) is int:
        x5 = x5 * 2 + 5
    else:
        x5 = x5 * 0.75
    y = y * 0.5 + x5
    if x6 is None:
        x6 = 2.0
    y = y * 0.5 + x6
    if x7 < 0.0:
        y = y - 8.0
        x7 = -x7
    else:
        y = y + 9.0
    y = y * 0.5 + x7
    if type(x8) is int:
        x8 = x8 * 2 + 8
    else:
        x8 = x8 * 0.75
    y = y * 0.5 + x8
    if x9 is None:
        x9 = 1.0
    y = y * 0.5 + x9
    if x10 < 0.0:
        y = y - 11.0
        x10 = -x10
    else:
        y = y + 12.0
    y = y * 0.5 + x10
    if type(x11) is int:
        x11 = x11 * 2 + 11
    else:
        x11 = x11 * 0.75
    y = y * 0.5 + x11
    if x12 is None:
        x12 = 1.75
    y = y * 0.5 + x12
    if x13 < 0.0:
        y = y - 14.0
        x13 = -x13
    else:
        y = y + 15.0
    y = y * 0.5 + x13
    if type(x14) is int:
        x14 = x14 * 2 + 14
    else:
        x14 = x14 * 0.75
    y = y * 0.5 + x14
    if x15 is None:
        x15 = 0.75
    y = y * 0.5 + x15
    return y


DATA = make_data()


def run(passes):
    acc = 0.0
    for p in range(passes):
        for row in DATA:
            acc += fn(*row)
    return acc


def main():
    t0 = time.perf_counter()
    acc = run(PASSES)
    t1 = time.perf_counter()
    print("result = " + repr(acc))



main()
