# A virtual object's state seen by paths that leave its block early: when a
# merged diamond's arm branches off before a store into the object (the
# store is on the recorded arm), the arm must see the object as it was at
# the branch, not as the block leaves it (opt/virtuals.cpp: such objects are
# not read elsewhere; was a wrong sum under every merging policy once the
# phis pass made the join read the object directly).


class P:
    def __init__(self, x):
        self.x = x
        self.y = 0


def store_on_one_arm(n):
    t = 0
    for i in range(n):
        p = P(1)
        if i % 3:
            p.x = 2
        t += p.x
    return t


def two_stores(n):
    t = 0
    for i in range(n):
        p = P(i)
        if i & 1:
            p.x = -i
            p.y = 7
        elif i % 5 == 0:
            p.y = 3
        t += p.x * 10 + p.y
    return t


def new_attribute_on_one_arm(n):
    t = 0
    for i in range(n):
        p = P(i)
        if i % 4 == 0:
            p.z = 100
            t += p.z
        t += p.x + p.y
    return t


def exit_sees_state(n):
    out = []
    for i in range(n):
        p = P(1.5)
        if i % 7:
            p.x = 2.5
        if i == n - 3:
            p.y = "changed"  # an exit below: the object it builds has the arm's x
            out.append((p.x, p.y))
    return out


print(store_on_one_arm(3000))
print(two_stores(3000))
print(new_attribute_on_one_arm(3000))
print(exit_sees_state(300))
