# A 64-bit linear congruential generator and an FNV-1a hash (benchmark): the
# everyday way to draw numbers or hash bytes in pure Python, masked to 64 bits
# with & 0xFFFFFFFFFFFFFFFF. Every step multiplies two ints of up to 64 bits
# (a 128-bit product) and masks it back: ints just past a VM's inline range.
# The result is a histogram of the top bits, the hash of a generated text and
# the last state, which CPython and every VM must agree on.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of steps).
import sys
import time

MASK = 0xFFFFFFFFFFFFFFFF


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


def lcg_histogram(seed, steps):
    s = seed
    hist = [0] * 16
    for _ in range(steps):
        s = (s * 6364136223846793005 + 1442695040888963407) & MASK
        hist[s >> 60] += 1
    return s, hist


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


def xorshift_text(seed, n):
    x = seed
    out = bytearray()
    for _ in range(n):
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        out.append(97 + x % 26)
    return bytes(out)


def main():
    steps = max(100, int(600000 * bench_scale()))
    t0 = time.perf_counter()
    state, hist = lcg_histogram(42, steps)
    text = xorshift_text(0x9E3779B97F4A7C15, steps // 3)
    h = fnv1a(text)
    t1 = time.perf_counter()
    print("last state = %d" % state)
    print("histogram = %s" % hist)
    print("text hash = %016x, text starts %s" % (h, text[:12].decode()))
    print("time = %.4f s" % (t1 - t0))


main()
