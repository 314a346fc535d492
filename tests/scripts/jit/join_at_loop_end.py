# Regression (issue 10, fuzzer seed 3346, diamond): a loop trace's last
# position (before the back edge, no code of its own) shared its instruction
# index with the first bridge block appended later; a bridge that joined
# there (after the class's method was rebound) entered that block and read
# the other bridge's call result: "float + NoneType". The verifier now checks
# that a guard's exit passes only values computed before it.
class Shape47:
    factor = 2

    def __init__(self, x):
        self.x = x

    def val(self):
        return self.x * self.factor

    def scale(self, k):
        return self.val() + k

class Shape47_A(Shape47):
    pass

class Shape47_B(Shape47_A):
    pass
pobjs_13 = [Shape47_B(1), Shape47_A(2), Shape47_B(3.0)]
pt_14 = 0
i = 0
while i < 11:
    i += 1
    for po_15 in pobjs_13:
        pt_14 = pt_14 + po_15.scale(1)
print('module', pt_14)

def section_2(n):
    s_30 = ''
    pobjs_31 = [Shape47(1), Shape47(2), Shape47(3.0)]
    pt_32 = 0
    for i in range(n):
        s_30 = s_30[::-1] if i % 2 == 0 else s_30
        s_30 = s_30[-3:]
        if i == 9:
            Shape47.val = lambda self: 3
        for po_33 in pobjs_31:
            pt_32 = pt_32 + po_33.val()
    return pt_32
print('section_2', section_2(15))
