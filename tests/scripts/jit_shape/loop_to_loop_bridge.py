# Shape: two loops one after the other in a function called many times
# (nbody's advance: the pair loop, then the position update loop). The first
# loop's end is a hot exit; its bridge runs the code up to the second loop and
# continues in that loop's trace, so a call leaves machine code only where it
# returns. Before, the bridge's recording aborted at the second loop's header
# (LoopEntry) and every call went through the interpreter between the loops,
# one side exit per call; now 5 in all. (A long stretch of code between
# loops still stops the bridge: see long_between_loops.py.)
# jit-expect: aborts.LoopEntry==0 hot_exits_unbridged==0 side_exits<=40

def step(xs, k):
    s = 0
    for x in xs:
        s += x * k
    s = s % 1000 + 1
    t = 0
    for x in xs:
        t += x ^ s
    return s + t

xs = list(range(30))
total = 0
for k in range(1500):
    total += step(xs, k)
print(total)
