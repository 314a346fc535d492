# Inlined callees read globals of their own module; rebinding one while the
# caller's trace is live must take effect at once.
import _modules.inline_mod as hm

SCALE = 3


def scaled(x):
    return x * SCALE + hm.offset(x)


def main():
    global SCALE
    t = 0
    for i in range(1200):
        t += scaled(i)
        if i == 600:
            SCALE = 5
        if i == 800:
            hm.BIAS = 1000
    print(t)


main()
