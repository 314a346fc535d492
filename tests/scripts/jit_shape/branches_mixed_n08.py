# Shape (issue 12): bench/gen_branches.py --kind mixed --n 8 at its default
# size, under the default thresholds: fn is inlined into run's loop, so
# every guard of fn shares the call's pc. Under adaptive the loop's region
# was re-formed 18 times and grew 160 bridges: the exponential-bridging
# check counted "8 bridges behind 1 distinct guard position" (positions
# now name the inlined frames), and a profile window that spanned a
# recompilation counted the new arms for part of it only ("went from 20%
# to 51%"; a recompiled region now starts a new window).
# jit-params: threshold=1039,function_threshold=1619,trace_eagerness=200
# jit-expect[none]: bridges>=200 merges==0
# (One bridge more than before: the path from the inner loop's exit ends at
# the header of the outer loop, which has no trace yet.)
# jit-expect[diamond,generalize,adaptive]: bridges<=18 merges>=12 reformations==0 frozen==0
# jit-expect[cap:2,cfg]: bridges<=19 merges>=15 frozen==0
import sys
import time


def bench_scale():
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    # posix, not os: importing os.py would add its functions to the JIT's shape counts.
    import posix
    return float(posix.environ.get(b"BENCH_SCALE", b"1").decode())


N = 8
ROWS = 4000
PASSES = max(1, int(50 * bench_scale()))
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

def fn(x0, x1, x2, x3, x4, x5, x6, x7):
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
