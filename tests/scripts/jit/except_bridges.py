# Exceptions raised by residual calls inside hot loops with handlers in the
# same frame: the exit where the helper raised gets a bridge that starts in the
# handler (it takes the parked exception and continues there), so the loop does
# not leave compiled code on every failure.
# jit-expect: aborts.UnsupportedOpcode==0 aborts.ExceptionRaised==0 hot_exits_unbridged==0 bridges>=4

# (The plain `int()` parse loop is jit_shape/except_in_loop.py.)

def lookups(d, keys):
    hits = misses = 0
    for k in keys:
        try:
            hits += d[k]
        except KeyError:
            misses += 1
        except (TypeError, IndexError) as e:
            misses += 100
        else:
            hits += 1
        finally:
            hits += 2
    return hits, misses

d = {i: i * 3 for i in range(0, 4000, 3)}
print(lookups(d, list(range(4000))))
print(lookups(d, [1, 2, [3], 4, 6] * 500))  # TypeError: unhashable list

class Odd(Exception):
    pass

def check(n):
    if n % 3 == 1:
        raise Odd(n)
    return n

def nested(n):
    total = 0
    for i in range(n):
        try:
            try:
                total += 1 // (i % 4)  # ZeroDivisionError every 4th
            except ZeroDivisionError:
                total -= 1
                if i % 8 == 0:
                    raise  # re-raised to the outer handler
            total += check(i)  # residual when check is not inlined
        except ZeroDivisionError:
            total += 1000
        except Odd as e:
            total += e.args[0] % 5
    return total
print(nested(6000))

def divide_all(pairs):
    out = []
    for a, b in pairs:
        try:
            out.append(a / b)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out
res = divide_all([(i, i % 5) for i in range(3000)])
print(len(res), res[:6], len([r for r in res if isinstance(r, str)]))

# After the loop has its bridges, an exception the handler does not match
# still propagates with the right message.
def strict(items):
    n = 0
    for s in items:
        try:
            n += int(s)
        except ValueError:
            n -= 1
    return n
items = [str(i) if i % 2 else "x%d" % i for i in range(3000)]
print(strict(items))
try:
    strict(items + [None])
except TypeError as e:
    print("TypeError:", e)
