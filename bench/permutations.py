# Permutations by recursion (benchmark): a plain recursive function (no
# generators) that returns every ordering of a list as a list of new lists,
# built from slices and concatenation; a checksum weights each element by its
# position.  Recursion, list slicing/concatenation/append, allocation.
# The result is the number of permutations and the checksum.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of rounds;
# each round permutes 8 items, 40,320 orderings).
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:  # Tributary has no os module yet
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


def permutations(items):
    """Every ordering of the list `items`, as a list of lists."""
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        head = [items[i]]
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            result.append(head + tail)
    return result


def weigh(perm):
    total = 0
    k = 1
    for x in perm:
        total += x * k
        k += 1
    return total


def main():
    rounds = max(1, int(5 * bench_scale() + 0.5))
    t0 = time.perf_counter()
    count = 0
    checksum = 0
    for r in range(rounds):
        items = [(3 * i + r) % 11 for i in range(8)]
        perms = permutations(items)
        count += len(perms)
        for idx, p in enumerate(perms):
            checksum = (checksum + weigh(p) * (idx % 7 + 1)) % 1000000007
    t1 = time.perf_counter()
    print("rounds = %d, permutations = %d, checksum = %d" % (rounds, count, checksum))
    print("time = %.4f s" % (t1 - t0))


main()
