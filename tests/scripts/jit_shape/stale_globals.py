# Shape: a module adds a global after a loop was compiled. The key moves the
# globals' version that the loop's trace guards (it folded `abs` and `range`),
# so that guard fails on every entry from then on. The hot failing version
# guard invalidates the root, which is re-recorded against the new version:
# one invalidation per root that folded them (the loop, work's function trace,
# the module loop), not an exit per call: 308 side exits, where the build
# before this check took 59,112 (each one resuming the interpreter).
# jit-expect: stale_invalidations>=1 stale_invalidations<=3 side_exits<=400

def work(n):
    s = 0
    for i in range(n):
        s += abs(i - 50) % 7
    return s

total = 0
for k in range(300):
    total += work(200)
    if k == 5:
        globals()["late_global"] = 1  # a new key: the globals version moves
print(total)
