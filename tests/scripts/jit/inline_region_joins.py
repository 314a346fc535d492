# Data-driven branches inside inlined calls: bridges from exits in the
# inlined frames join the loop's region inside the same call (merging
# policies), two calls deep, with locals of the outer inlined frame live
# across the join, values that change type on one path, and a guard failing
# inside a joined path (the frames are rebuilt from the merged region).

def clamp(y, lo, hi):
    if y < lo:
        y = lo
    if y > hi:
        y = hi
    return y


def score(v, a, b):
    base = 10
    if v is None:
        v = 1.5
    if a is None:
        a = 0.25
    if b is None:
        b = 2
    y = v * a + b
    return clamp(y, -1.0, 3.0) + base


def rows(n):
    out = []
    s = 7
    for i in range(n):
        r = []
        for j in range(3):
            s = (s * 1103515245 + 12345) % 2147483648
            k = (s >> 16) % 4
            r.append(None if k == 0 else (k - 1.5) if k < 3 else (s >> 20) % 5)
        out.append(r)
    return out


def run(data, passes):
    acc = 0.0
    count = 0
    for p in range(passes):
        for r in data:
            acc += score(*r)
            count += 1
    return acc, count


data = rows(300)
print(run(data, 4))
data[150][2] = "x"        # b becomes a str: the joined path's arithmetic fails
try:
    print(run(data, 1))
except TypeError as e:
    print("TypeError:", e)
data[150][2] = 2 ** 70    # a big int on one row
print(run(data, 1))
