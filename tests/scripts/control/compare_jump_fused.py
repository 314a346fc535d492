# A number comparison followed by a conditional jump (if/while/and/or/not,
# chained comparisons) branches without building the bool: every operator,
# ints at the inline-range edge, big ints, floats with NaN and -0.0, mixed
# int/float and operand types changing in the middle of a hot loop.
import math

M = 2**47
values = [0, 1, -1, M - 1, -M, M, -M - 1, 2**64, -2**64, 0.0, -0.0, 1.5, -1.5,
          float("inf"), -float("inf"), float("nan"), True, False]

def table(a, b):
    out = []
    if a < b: out.append("lt")
    if a <= b: out.append("le")
    if a == b: out.append("eq")
    if a != b: out.append("ne")
    if a > b: out.append("gt")
    if a >= b: out.append("ge")
    if not a < b: out.append("!lt")
    if not (a == b): out.append("!eq")
    return out

lines = []
for a in values:
    for b in values:
        lines.append("%r %r %s" % (a, b, ",".join(table(a, b))))
print(len(lines))
for l in lines[::7]:
    print(l)

def chained(xs):
    n = 0
    for x in xs:
        if 0 <= x < 10:
            n += 1
        elif -10 < x <= -1 or x > 100:
            n += 100
        k = 0
        while x > 3 and k < 50:
            x -= 3
            n += 1
            k += 1
    return n

print(chained(list(range(-20, 120, 3))))
print(chained([0.5, -0.5, 99.5, 1e300, float("nan"), -float("nan")]))
print(chained([M - 2, M + 5, -M - 5]))

def mixed_loop():
    # int -> float -> big int -> str in one comparison site
    items = [i for i in range(200)] + [i + 0.5 for i in range(200)] + [2**70 + i for i in range(200)]
    hits = 0
    for x in items:
        if x < 150:
            hits += 1
        if x >= 2**70 + 100:
            hits += 10
    try:
        for x in [1, 2, "s"]:
            if x < 3:
                hits += 1
    except TypeError as e:
        print("TypeError:", e)
    return hits

print(mixed_loop())

class Weird:
    def __lt__(self, other):
        return 0  # falsy, not a bool
    def __gt__(self, other):
        return [1]  # truthy

w = Weird()
print(w < 1, w > 1, "yes" if w < 1 else "no", "yes" if w > 1 else "no")
print(1 > w, "yes" if 1 > w else "no")
print(math.isnan(float("nan")), float("nan") != float("nan"))
