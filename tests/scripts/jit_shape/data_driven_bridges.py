# Shape: a data-driven None-default function over pseudo-random rows
# (bench/data_driven.py in small). The loop inlines fn(*row). Pure tracing
# cannot bridge inside the inlined call, so fn is de-inlined and gets a
# function trace with many bridges (one per combination of None arguments).
# jit-expect: functions==1 aborts.UnsupportedOpcode==0
# jit-expect[none]: deinlined==1 bridges>=20 trace_entries>=1000
# Under generalize every `if x is None` becomes a diamond inside the inlined
# call in the loop's region: one merged bridge per branch point, not one per
# combination; the loop then never leaves machine code.
# Each bridge waits in the region's IR until its exit is taken region_batch
# (5) more times, and bridges recorded meanwhile share one recompilation:
# 4 compilations of the loop for 6 bridges (7 with region_batch=0), 35 side
# exits (16).
# Two more bridges: one runs from an exit of make_data's inner loop to the
# header of its outer loop, which has no trace yet, and ends there; once the
# loop has a trace, the second jumps into it (before, the recordings aborted
# as InnerLoop).
# jit-expect[generalize]: inlined_calls>=1 deinlined==0 bridges<=8 merges==6 phis>=6 side_exits<=36 compiles_max<=4
# Under cap:2, adaptive and cfg as well.
# jit-expect[cap:2,adaptive,cfg]: inlined_calls>=1 deinlined==0 bridges<=8 merges==6 bridges_unmerged<=2 side_exits<=36

def fn(v=None, a=None, b=None, c=None, d=None, e=None):
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
    y = v * a + b
    y = y - c * d
    return y * e

def main():
    state = 12345
    rows = []
    for i in range(400):
        row = []
        for j in range(6):
            state = (state * 1664525 + 1013904223) % 4294967296
            if (state >> 16) & 1:
                row.append(None)
            else:
                state = (state * 1664525 + 1013904223) % 4294967296
                row.append((state >> 12) % 10240 / 1024.0 - 5.0)
        rows.append(row)
    acc = 0.0
    for p in range(3):
        for row in rows:
            acc = acc + fn(*row)
    print(repr(acc))


main()
