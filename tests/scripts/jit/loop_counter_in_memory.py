# Locals a loop's trace never touches, changed only on rarer paths: bridges
# store them to the frame (the loop keeps them in memory), including bridges
# from exits inside other bridges, exits after the store, and loops that end
# or raise while the value is only in a bridge.

def counters(n):
    a = b = c = 0
    for i in range(n):
        if i % 3 == 0:
            a += 1
            if i % 9 == 0:
                b += a
        if 10 < i <= 40:
            c = c + 100
        if i % 7 == 0 and i % 2 == 0:
            c -= 1
    return a, b, c


def last_seen(items):
    last = None
    count = 0
    for x in items:
        if x < 0:
            last = x
            count += 1
    return last, count


def early_exit(n):
    hits = 0
    for i in range(n):
        if i % 4 == 1:
            hits += 1
        if i > 200 and i % 4 == 1:
            break
    return hits, i


def raises(n):
    total = 0
    try:
        for i in range(n):
            if i % 5 == 0:
                total = total + i
            if i == 300:
                raise ValueError(total)
    except ValueError as e:
        return "raised", e.args[0], total
    return total


def changing_type(n):
    acc = 0
    for i in range(n):
        if i % 6 == 0:
            acc = acc + (0.5 if not isinstance(acc, str) else "h")
        elif i % 6 == 3:
            acc = (str(i) if i > 600 else acc) if not isinstance(acc, str) else acc + "."
    return acc


print(counters(500))
print(last_seen([(k * 37) % 11 - 5 for k in range(400)]))
print(early_exit(1000))
print(raises(1000))
print(changing_type(900))
