# Fuzzer seed 670, minimized: a loop's merged path changes a local the loop
# does not carry (nan_26) and returns through a bridge when i == 79; the
# other side of that check got a bridge back to the loop's header that
# carried the changed value only in a register, and the next iteration read
# the stale one from the frame (7 expected, 4 printed).
import math

def inner_21(x):
    if x % 9 == 4:
        raise ZeroDivisionError(x)
    return x + 0.5

def outer_20(x):
    return inner_21(x) + 1

def section_2(n):
    total = 0
    de_22 = 0
    deerr_23 = 0
    fz_25 = 0.0
    nan_26 = 0
    fs_27 = []
    for i in range(n):
        try:
            de_22 = de_22 + outer_20(i)
        except (ZeroDivisionError, TypeError) as e:
            pass
        if i % 6 == 1:
            f_24 = float('inf')
        else:
            f_24 = 0.0
        if math.isnan(f_24) or math.isinf(f_24):
            nan_26 += 1
        if i == 79:
            break
    return (total, de_22, deerr_23, fz_25, nan_26, fs_27, repr(f_24))
print('section_2', section_2(131))
print('section_2', section_2(38))
