# Fuzzer seed 1066, minimized: starred unpacking (`a, *rest = l_17`) in a
# compiled loop. The helper behind UNPACK_EX held the new middle list only in
# a std::vector, memory the collector does not scan, while it allocated the
# result tuple; a collection there freed the list, and `len(rest)` read
# garbage (a segfault under --merge=none with eager thresholds). The program
# is kept as the fuzzer minimized it: the collection must fall at that point.
import math

class Shape57:
    pass

def lp_13(n, step=1):
    s = 0
    for j in range(n):
        if j % 2 == 0:
            pass
    return s

def lp_31(n, step=1):
    return s

def make_38(start):
    c = start
total = 0
err_1 = 0
ex_2 = 0
lk_3 = []
l_5 = [1]
d_6 = {}
tp_7 = (0, 1)
ct_8 = 0
fz_10 = 0.0
nan_11 = 0
fs_12 = []
lc_14 = 0
for i in range(166):
    try:
        ex_2 += lk_3[i % 10]
    except IndexError:
        err_1 += 1
        lk_3.append(i)
    pe_4 = i * 3 if i % 3 else None
    d_6[i % 2] = d_6.get(i % 2, 0) + i
    tp_7 = (tp_7[1], tp_7[0] + i)
    if i % 4 == 0:
        if i % 8 == 0:
            f_9 = 0.0
        elif i % 2 == 1:
            f_9 = 1e+308 * 2
        elif i % 2 == 2:
            f_9 = float('inf')
        else:
            f_9 = i / 3.5
        fz_10 = max(fz_10, f_9 * 0.5)
        nan_11 += math.copysign(1.0, f_9) < 0
        fs_12.append(f'{f_9:.3f}')
    else:
        lc_14 = lc_14 + lp_13(i % 2)
print('section 0', (total, ex_2, err_1, pe_4, ct_8, l_5[-3:], sorted(d_6.items()), tp_7[0] % 1000003, fz_10, nan_11, fs_12, repr(f_9), lc_14))

def section_1(n):
    lc_16 = 0
    l_17 = [1]
    d_18 = {}
    tp_19 = (0, 1)
    ct_20 = 0
    err_21 = 0
    ex_22 = 0
    lk_23 = []
    for i in range(n):
        tp_19 = (tp_19[1], tp_19[0] + i)
        a, *rest = l_17
        ct_20 = ct_20 + a + len(rest)
    return (total, lc_16, ct_20, l_17[-3:], sorted(d_18.items()), tp_19[0] % 1000003, ex_22, err_21)
print('section_1', section_1(265))
print('section_1', section_1(295))
