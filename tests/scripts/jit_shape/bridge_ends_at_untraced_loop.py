# Shape: fannkuch's kernel at default thresholds. When the middle loop
# (`while first != 0`) ends, the path runs down the outer loop's body into
# the `while True` loop that counts in factorial base, which has no trace of
# its own for a long time (it usually runs one iteration). Its bridge used to
# abort as InnerLoop at every try until the exit was blacklisted: a hot exit
# without a bridge (1 unbridged, 5,216 side exits, 7 bridges at this size).
# Now the bridge ends with an exit at that loop's header ("bridge ends at the
# loop at ..."); taking that exit counts as the loop's back-edge, so the loop
# gets its trace, and the exit's bridge, a jump into it, is recorded at once:
# no aborted recording, no unbridged hot exit, 2,441 side exits, 13 bridges.
# jit-params: threshold=1039,function_threshold=1619,trace_eagerness=200
# jit-expect: hot_exits_unbridged==0 side_exits<=4400 bridges>=10 aborts.InnerLoop==0 aborts_total==0
# (adaptive keeps rarer exits as side exits longer: 3,903.)
# jit-expect[none,diamond,generalize,cap:2,cfg]: side_exits<=3000
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


print(fannkuch(9, 70000))
