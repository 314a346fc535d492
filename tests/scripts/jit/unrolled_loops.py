# Short loops without a trace of their own, run through by function traces
# and bridges (unrolled up to twice): runs of every length 0..6, `break`,
# `else`, nested short loops, loops whose exit changes many locals, and a
# loop whose length grows so that it outgrows the unrolled copies.

def skip(text, pos):
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos

def find(xs, v):
    for i, x in enumerate(xs):
        if x == v:
            break
    else:
        return -1
    return i

def nested(n, m):
    t = 0
    for i in range(n):
        j = 0
        while j < m:
            t += i * j + 1
            j += 1
    return t

def many(k):
    a = b = c = 0
    d = 1.5
    s = "x"
    i = 0
    while i < k:
        a += 1
        b = a * 2
        c = b - a
        d = d * 1.25
        s = s + "y"
        i += 1
    return a, b, c, d, s

def grow(k):
    t = 0
    for i in range(k):
        t += i
    return t

text = "a b  c   d    e     f      g"
acc = 0
out = []
for r in range(1200):
    acc += skip(text, r % len(text))
    acc += find([3, 1, 4, 1, 5, 9, 2, 6], r % 10)
    acc += nested(r % 3, r % 4)
    a, b, c, d, s = many(r % 4)
    acc += a + b + c + len(s)
    out.append(d)
    acc += grow(r // 100)
print(acc, sum(out))
