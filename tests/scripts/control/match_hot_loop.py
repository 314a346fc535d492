# A match inside hot loops, with subjects of varying kinds, so that the JIT
# records the MATCH_* opcodes, their guards and the capture shuffles.
# jit-expect: aborts.UnsupportedOpcode==0 aborts.UnsupportedValue==0 loops>=4
# Sequence and mapping tests become type guards (no helper calls); class
# patterns, key lookups and the length of a dict or range stay residual calls.
# jit-expect: calls_by_helper.match_sequence==0 calls_by_helper.match_mapping==0
# jit-expect: calls_by_helper.match_class>=1 calls_by_helper.match_keys>=1 calls_by_helper.get_len>=1
# jit-expect: calls_by_helper.unpack_sequence>=1


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def classify(v):
    match v:
        case 0:
            return 0
        case int(n) if n < 0:
            return -1
        case int(n):
            return n % 7
        case float(f):
            return int(f) + 100
        case "a" | "b":
            return 200
        case str(s):
            return len(s) + 300
        case [x, y]:
            return x + y + 400
        case [x, *rest]:
            return x + len(rest) + 500
        case {"k": v, **rest}:
            return v + len(rest) + 600
        case Point(0, y):
            return y + 700
        case Point(x, y=y) if x > y:
            return x - y + 800
        case Point():
            return 900
        case None:
            return 1000
        case _:
            return 1100


subjects = [0, -3, 12, 2.5, "a", "b", "hello", [1, 2], [1, 2, 3], (4, 5, 6, 7), {"k": 1}, {"k": 2, "z": 3},
            Point(0, 4), Point(5, 2), Point(1, 9), None, (), {1, 2}, range(2), range(3)]
totals = {}
for i in range(10000):
    v = subjects[i % len(subjects)]
    r = classify(v)
    totals[r] = totals.get(r, 0) + 1
print(sorted(totals.items()))

# A monomorphic loop: the same pattern kind every time.
acc = 0
for i in range(10000):
    match (i, i % 3):
        case (n, 0):
            acc += n
        case (n, 1):
            acc -= 1
        case (_, _):
            acc += 2
print(acc)

# A loop whose match binds names used after it.
pairs = [(i, str(i)) if i % 2 else [str(i), i] for i in range(50)]
seen = []
for _ in range(200):
    for p in pairs:
        match p:
            case (int(i), str(s)) | [str(s), int(i)]:
                last = (i, s)
            case _:
                last = None
    seen.append(last)
print(seen[-1], len(seen))

# Mapping patterns in a loop, with **rest.
records = [{"id": i, "name": f"n{i}", "tags": ["a"] * (i % 3)} for i in range(30)]
count = 0
extra = 0
for _ in range(400):
    for r in records:
        match r:
            case {"id": int(i), "tags": [], **rest}:
                count += 1
                extra += len(rest)
            case {"id": i, "tags": [t, *more]}:
                count += len(more)
print(count, extra)
