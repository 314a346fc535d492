# Generators resumed inline by their consumer's FOR_ITER (record_iter.cpp
# try_inline_generator): the generator's frame lives in the generator, loaded
# on entry and written back at each yield. Every way out of the inlined body
# must leave the generator as the interpreter would: exits inside (type
# changes, branches, the inner loop's end), raises propagating to the
# consumer, exceptions caught inside the generator, the generator's end,
# a consumer that breaks and resumes later by next() or send(), two yield
# points, nested generators, re-entrance, gi_frame.f_locals and closures.
import sys


def pairs(a, b):
    for i in range(a):
        for j in range(b):
            yield i, j


def count_pairs(n):
    t = 0
    for i, j in pairs(n, n + 3):
        if (i - j) & 1:
            t += i * j
        else:
            t -= j
    return t


def numbers(n):
    x = 0
    for k in range(n):
        if k % 7 == 3:
            x = (x if not isinstance(x, str) else len(x)) + 0.5  # the local turns float
        elif k % 11 == 5:
            x = "s%d" % k  # then a str
        else:
            x = k if not isinstance(x, str) else k * 2
        yield x


def mixed(n):
    ints = floats = strs = 0
    for v in numbers(n):
        if isinstance(v, int):
            ints += v
        elif isinstance(v, float):
            floats += v
        else:
            strs += len(v)
    return ints, floats, strs


def failing(n, bad):
    for k in range(n):
        if k == bad:
            raise ValueError("bad item %d" % k)
        yield k * 3


def consume_failing(n):
    out = []
    for bad in (n - 1, n // 2, 5):
        total = 0
        try:
            for v in failing(n, bad):
                total += v
        except ValueError as e:
            out.append((str(e), total))
    return out


def guarded_fields(items):
    for obj in items:
        try:
            yield obj.value
        except AttributeError:
            pass
        finally:
            pass


class Box:
    def __init__(self, v):
        if v % 4:
            self.value = v


def fields_total(n):
    t = 0
    for v in guarded_fields([Box(i) for i in range(n)]):
        t += v
    return t


def two_yields(n):
    for k in range(n):
        yield k
        if k % 3 == 0:
            yield -k


def partial_then_next(n):
    g = two_yields(n)
    seen = 0
    for v in g:
        seen += v
        if v == n // 2:
            break
    rest = [next(g), next(g), g.send(None)]
    return seen, rest, sum(g)


def inner(n):
    for k in range(n):
        yield k * k


def outer(n):
    for sq in inner(n):
        if sq % 2:
            yield sq
        yield -1


def nested(n):
    t = 0
    for v in outer(n):
        t += v
    return t, sum(x for x in outer(n) if x > 10)


def reentrant():
    def gen(reenter):
        for k in range(40):
            if k == 30 and reenter:
                try:
                    next(me)
                except ValueError as e:
                    yield str(e)
            yield k

    me = gen(True)
    return [v for v in me if isinstance(v, str)] + [sum(v for v in gen(False) if isinstance(v, int))]


def frame_locals(n):
    def walk(n):
        total = 0
        for k in range(n):
            total += k
            yield total

    g = walk(n)
    snapshots = []
    for v in g:
        if v > n * 2 and not snapshots:
            f = g.gi_frame.f_locals
            snapshots.append((f["k"], f["total"], v))
    return snapshots, g.gi_frame


def closure_gen(n):
    scale = 3

    def gen():
        for k in range(n):
            yield k * scale

    t = 0
    for v in gen():
        t += v
    return t


def stop_inside(n):
    def gen():
        for k in range(n):
            if k == n - 2:
                raise StopIteration
            yield k

    try:
        return sum(v for v in gen())
    except RuntimeError as e:
        return "RuntimeError: %s" % e


def finishes(n):
    results = []
    for r in range(6):
        t = 0
        for i, j in pairs(r + n, 4):
            t += i + j
        results.append(t)
    return results


print(count_pairs(60))
print(mixed(3000))
print(consume_failing(500))
print(fields_total(2000))
print(partial_then_next(400))
print(nested(800))
print(reentrant())
print(frame_locals(300))
print(closure_gen(2000))
print(stop_inside(500))
print(finishes(100))
