# A join inside an inlined method (a PHI for one of its slots) must not name
# that PHI in the snapshots of a later inlined call at the same frame base
# (here a dict comprehension): that is another frame, whose slots are its own.
# Fuzzer seed 1655, minimized: "snapshot names %169 which is not yet defined"
# under every merging policy with eager thresholds.
class Shape64:
    factor = 2

    def __init__(self, x):
        self.x = x

    def val(self):
        return self.x * self.factor

class Shape64_A(Shape64):
    pass

class Shape64_B(Shape64):
    pass

class Other50:
    factor = 0.5

    def __init__(self, x):
        pass

    def val(self):
        return 3

class Other50_Sub(Other50):
    pass
objs_9 = [Shape64_A(3.5), Other50_Sub(2 ** 3), Shape64(1), Shape64_B(2 ** 3)]
pm_10 = 0
d_18 = {}
ct_20 = 0
for i in range(43):
    o_12 = objs_9[i % len(objs_9)]
    pm_10 = pm_10 + o_12.val() * o_12.factor
    ct_20 += {k: v for k, v in d_18.items() if k % 2}.get(1, 0)
print(pm_10, ct_20)
