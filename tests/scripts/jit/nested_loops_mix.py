# Nested loops where outer traces continue in inner loops' traces: three
# levels, while and for loops, break / else, inner loops over lists that
# end (iterator exhausted inside compiled code), and a type change in the
# outer loop after the inner trace exists.

def three_levels(n):
    t = 0
    for a in range(n):
        for b in range(a % 7 + 1):
            k = 0
            while k < b:
                t += a * b + k
                k += 1
        t -= a
    return t


def with_break(rows):
    found = 0
    for row in rows:
        for v in row:
            if v < 0:
                found += 1
                break
        else:
            found += 100
    return found


def lists(n):
    out = []
    data = [[i, i + 1, i + 2] for i in range(n)]
    total = 0
    for row in data:
        for v in row:
            total += v
        out.append(total)
    return total, out[-3:]


def type_change(n):
    acc = 0
    for i in range(n):
        for j in range(5):
            acc += j
        if i == n // 2:
            acc = acc + 0.25      # int -> float in the outer loop
    return acc


print(three_levels(300))
print(with_break([[1, 2, -3, 4] if i % 3 else [1, 2, 3] for i in range(400)]))
print(lists(500))
print(type_change(400))
