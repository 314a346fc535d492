# Shape: a loop whose body raises and handles an exception on every third
# iteration (a helper raises inside compiled code). The exit where the helper
# raised gets a bridge that starts in the handler, so after the bridge the loop
# stays in machine code: side exits are a handful, not one per failure.
# (loops: this one and the list comprehension's; bridges: the exception bridge and the
# comprehension's.)
# jit-expect: loops==2 aborts==0 hot_exits_unbridged==0 bridges==2 side_exits<=10

def parse_all(items):
    ok = bad = 0
    for s in items:
        try:
            ok += int(s)
        except ValueError as e:
            bad += len(e.args[0]) % 7
    return ok, bad

items = [str(i) if i % 3 else "x%d" % i for i in range(5000)]
print(parse_all(items))
