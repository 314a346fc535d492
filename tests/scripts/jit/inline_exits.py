# Guards failing inside inlined calls, one and two levels deep: the inlined
# frames are rebuilt (locals computed so far, partial value stacks) and run
# to completion in the interpreter, with the result pushed in the caller.

def leaf(a, b):
    c = a * 3
    if b > 700:
        c = c + 0.5          # int -> float inside the callee
    d = c - b
    return d


def middle(x, y):
    base = x + 100
    r = leaf(x, y) + base    # the exit happens with `base` live on this frame
    return [r, base][0]


def top(n):
    s = 0
    acc = []
    for i in range(n):
        s = s + middle(i, i)
        if i % 250 == 0:
            acc.append(s)
    return s, acc


print(top(1000))


def overflow_in_callee(k):
    return k * 1000000000


def run_overflow():
    out = 0
    for i in range(10):
        out += overflow_in_callee(i * 100000)   # leaves small ints inside the callee
    return out


print(run_overflow())


def none_or(v, d):
    if v is None:
        return d
    return v


def run_none():
    vals = [1, None, 2.5, None, 7] * 200
    t = 0
    for v in vals:
        t = t + none_or(v, 10)
    return t


print(run_none())
