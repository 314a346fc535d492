# Fannkuch-redux (benchmark, classic): walk the permutations of 1..n in the
# order of a counting (factorial-base) generator; for each, repeatedly
# reverse the prefix as long as the first element, counting the flips.
# List indexing, slice reversal, small-int arithmetic, nested while loops.
# The result is the alternating checksum of the flip counts and the maximum.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of
# permutations visited; n = 9, restarting from the first permutation when
# more than 9! are asked for).
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


def fannkuch(n, limit):
    """Visits `limit` permutations; returns (checksum, max flips, visited)."""
    perm = list(range(n))
    count = [0] * n
    checksum = 0
    max_flips = 0
    sign = 1
    visited = 0
    while visited < limit:
        # count the flips of this permutation
        first = perm[0]
        if first != 0:
            work = perm[:]
            flips = 0
            while first != 0:
                # reverse work[0..first]
                lo = 0
                hi = first
                while lo < hi:
                    t = work[lo]
                    work[lo] = work[hi]
                    work[hi] = t
                    lo += 1
                    hi -= 1
                flips += 1
                first = work[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        visited += 1
        sign = -sign
        # next permutation: rotate prefixes, counting in factorial base
        i = 1
        while True:
            if i >= n:
                # wrapped around: start again from the identity
                perm = list(range(n))
                count = [0] * n
                sign = 1
                break
            head = perm[0]
            perm[0:i] = perm[1:i + 1]
            perm[i] = head
            count[i] += 1
            if count[i] <= i:
                break
            count[i] = 0
            i += 1
    return checksum, max_flips, visited


def main():
    n = 9
    limit = max(1, int(200000 * bench_scale()))
    t0 = time.perf_counter()
    checksum, max_flips, visited = fannkuch(n, limit)
    t1 = time.perf_counter()
    print("n = %d, permutations = %d, checksum = %d, max flips = %d"
          % (n, visited, checksum, max_flips))
    print("time = %.4f s" % (t1 - t0))


main()
