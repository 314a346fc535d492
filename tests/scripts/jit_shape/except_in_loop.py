# Shape: a loop whose body raises and handles an exception on every other
# iteration. Under eager thresholds the iteration recorded raises: the
# recording follows the exception into the handler (the helper's guard becomes
# GUARD_EXC) and the path where int() succeeds gets a bridge. The other way
# round (a raise in compiled code) the exception exit gets a bridge that starts
# in the handler. Either way the loop stays in machine code: side exits are a
# handful, not one per failure, and no recording aborts (19: each bridge's
# exit is also taken region_batch times before its loop is recompiled).
# (loops: the two parse loops and the list comprehension's; bridges: one each.)
# jit-expect: loops==3 aborts==0 hot_exits_unbridged==0 bridges==3 side_exits<=20

def parse_all(items):
    ok = bad = 0
    for s in items:
        try:
            ok += int(s)
        except ValueError as e:
            bad += len(e.args[0]) % 7
    return ok, bad

items = [str(i) if i % 2 else "x%d" % i for i in range(5000)]
print(parse_all(items))

def parse_odd(items):  # the first recorded iteration does not raise
    ok = bad = 0
    for s in items:
        try:
            ok += int(s)
        except ValueError:
            bad += 1
    return ok, bad

print(parse_odd(items[1:]))
