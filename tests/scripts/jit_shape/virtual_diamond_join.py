# Shape: a virtual object carried around a merged diamond (issue 17, "across
# joins"): each arm of the `if` builds its own Point, the code below the join
# reads the one that arrived, and the local is carried around the loop. The
# join's PHI of two allocations becomes one virtual object whose attributes
# are PHIs (each arm passes its own), and the loop carries it on in the
# header's attribute PHIs: no allocation and no call in the loop; an exit
# builds the Point it names. The tuple below the join takes the same way.
# Before: both allocations kept (a PHI of objects escaped), 2 new_instance and
# 2 build_tuple calls per iteration.
# jit-expect[generalize,cfg,diamond,adaptive,cap:2]: loops==1 ops.CALL==0 ops.VNEW==2 allocations_removed==10
# jit-expect[none]: ops.CALL==2


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def run(n):
    t = 0.0
    for i in range(n):
        if i % 3 == 0:
            p = Point(i * 0.5, 1.0)
        else:
            p = Point(1.0, i * 0.25)
        t += p.x * p.y
        q = (i, p.x) if i & 1 else (p.y, i)
        t += q[0] - q[1]
    return t, p.x, p.y, q


print(run(3000))
