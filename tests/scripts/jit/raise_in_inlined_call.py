# A function trace whose recorded path ends in a `raise` inside an inlined
# call (the trace ends with an exit there) belongs to the caller: calling the
# callee directly afterwards must run the callee, not the caller's trace.
# jit-expect: aborts.UnsupportedOpcode==0

class Item:
    def __init__(self, kind, value):
        self.kind = kind
        self.value = value

def check(item):
    kind = item.kind
    if kind == 1:
        return item.value * 10
    if kind == 2:
        return -item.value
    raise ValueError("bad kind %d" % kind)

def outer(item):
    got = check(item)
    return got + 1

bad = 0
for k in range(40):  # outer's first hot calls raise inside check
    try:
        outer(Item(3, k))
    except ValueError as e:
        bad += len(str(e))
print("bad", bad)

total = 0
for k in range(60):
    total += check(Item(1 + k % 2, k))  # check alone, both good kinds
    total += outer(Item(1, k))
print("total", total)
