# Shape (issue 6): bench/data_driven.py's function in small: nine
# `if x is None: x = default` branches on rows where every combination
# occurs, then four clamps. The loop inlines fn(*row); under merging policies
# every branch's other side is one bridge merged inside the inlined call in
# the loop's region (13 merges, plus the inner loop's exit), not one bridge
# per combination; under pure tracing fn is de-inlined and its function trace
# grows hundreds of bridges.
# jit-expect[none]: bridges>=100 merges==0 deinlined==1
# Diamond joins only equal states: the inlined defaults (constants vs the
# row's floats) never are, so fn is de-inlined and stays mostly bridges,
# until the loop's region reaches its budget (region_compiles: 32 bridges)
# and is frozen (117 bridges in all, 75 with region_batch=0, where the
# region's compilations reached the budget first).
# jit-expect[diamond]: merges>=1 bridges<=120 frozen>=1
# (+1 bridge, separate: the path from the inner loop's end ends at the outer
# loop's header, which has no trace yet; once it has one, a second bridge
# jumps into it. Before, the first recordings aborted as InnerLoop.)
# jit-expect[generalize,cap:2,cfg,adaptive]: deinlined==0 merges==13 bridges<=15 side_exits<=100 ops.SELECT>=12
ROWS = 1200


def fn(v=None, a=None, b=None, c=None, d=None, e=None, f=None, g=None, h=None):
    if v is None:
        v = 1.5
    if a is None:
        a = 0.25
    if b is None:
        b = 2.0
    if c is None:
        c = -0.75
    if d is None:
        d = 3.25
    if e is None:
        e = 0.5
    if f is None:
        f = -2.0
    if g is None:
        g = 4.0
    if h is None:
        h = 1.125
    y = v * a + b
    y = y - c * d
    if y < f:
        y = f
    if y > g:
        y = g
    y = y * e + h
    if y < 0.0:
        y = 0.0
    if y > 3.0:
        y = 3.0
    return y


def make_data(n, seed):
    # small LCG (Numerical Recipes constants), pure Python
    state = seed
    rows = []
    for i in range(n):
        row = []
        for j in range(9):
            state = (state * 1664525 + 1013904223) % 4294967296
            if (state >> 16) & 1:
                row.append(None)
            else:
                state = (state * 1664525 + 1013904223) % 4294967296
                # float in [-5, 5) with 1/1024 granularity
                row.append((state >> 12) % 10240 / 1024.0 - 5.0)
        rows.append(row)
    return rows


DATA = make_data(ROWS, 12345)



def run(passes):
    acc = 0.0
    for p in range(passes):
        for row in DATA:
            acc += fn(*row)
    return acc


print(repr(run(4)))
