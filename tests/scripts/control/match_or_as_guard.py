# OR patterns, AS patterns, guards, and which names a case binds.


def kind(v):
    match v:
        case 0 | 1 | 2:
            return "small"
        case "a" | "b" as letter:
            return f"letter {letter}"
        case [x, 0] | [0, x] | (x, "zero"):
            return f"pair with zero, x={x}"
        case {"k": x} | [_, _, x]:
            return f"k or third: {x}"
        case (int() | float()) as num if num > 100:
            return f"big number {num}"
        case int(n) | float(n) if n < 0:
            return f"negative {n}"
        case [int() as i, str() as s] | [str() as s, int() as i]:
            return f"int {i} and str {s}"
        case _:
            return "other"


for v in [0, 2, "a", "b", "c", [5, 0], [0, 6], (7, "zero"), {"k": 8}, [1, 2, 9], 500, 250.5, -4, -0.5, 50,
          [1, "x"], ["y", 2], [1, 2]]:
    print(repr(v), "->", kind(v))

# A guard sees the captures; a failed guard falls to the next case.
for v in range(6):
    match v:
        case n if n % 2 == 0 and n > 2:
            print(v, "even and big")
        case n if n % 2 == 0:
            print(v, "even")
        case n:
            print(v, "odd", n)

# Captures of a failed pattern stay unbound; the captures of a case whose
# guard fails stay bound (CPython binds them before the guard).
a = b = "unset"
match (1, 2):
    case (a, 3):
        pass
    case (b, 2) if False:
        pass
    case _:
        pass
print(a, b)

# AS patterns nest and bind the whole value.
match [1, [2, 3]]:
    case [1, [2, _] as inner] as whole:
        print(inner, whole)
match (1, 2):
    case ((1 | 2) as first, (3 | 2) as second):
        print(first, second)

# Nested OR patterns with captures in different orders.
for v in [(1, "a"), ("b", 2), [3, "c"]]:
    match v:
        case (int(i), str(s)) | (str(s), int(i)):
            print("i, s =", i, s)
        case [i, s]:
            print("fallback", i, s)

# The guard is evaluated lazily, only when the pattern matched.
calls = []


def check(x):
    calls.append(x)
    return x > 1


for v in [0, 1, 2, "s"]:
    match v:
        case int(x) if check(x):
            print("checked", x)
        case _:
            pass
print(calls)

# A guard may use the walrus operator.
match [3, 4]:
    case [x, y] if (total := x + y) > 5:
        print("total", total)

# Bodies may break, continue and return out of a match.
for v in [1, 2, 3, 4, 5]:
    match v:
        case 2:
            continue
        case 4:
            break
        case _:
            print("loop", v)


def first_even(items):
    for item in items:
        match item:
            case int(n) if n % 2 == 0:
                return n
    return None


print(first_even([1, 3, 6, 8]), first_even([1]))
