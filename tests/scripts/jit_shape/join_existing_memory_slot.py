# Shape: deltablue's Planner.add_consumers in small. In a function region, the
# loop's first iteration has three paths to its end (the `is not` test, the
# polymorphic is_satisfied() call, the append): their bridges join at one
# point. A later bridge that loads `into` (an argument the region never read
# above the join) joins that existing join: the slot is right in memory on
# every path, so it needs no PHI. Before, such a bridge was refused ("a slot
# in memory joins an existing join") and its exit was blacklisted: 8,519 side
# exits and 3 unbridged hot exits under generalize; now 349 and none.
# jit-params: threshold=20,function_threshold=20,trace_eagerness=10
# jit-expect: hot_exits_unbridged==0 side_exits<=2500
# jit-expect[generalize,diamond,cfg]: side_exits<=500 merges>=9
class A:
    def __init__(self, ok):
        self.satisfied = ok

    def is_satisfied(self):
        return self.satisfied


class B(A):
    pass


class C(A):
    pass


class V:
    def __init__(self, cs, det):
        self.constraints = cs
        self.determined_by = det


class P:
    def add_consumers(self, v, into):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                into.append(c)


def run(n):
    objs = [A(True), A(False), B(True), B(False), C(True), C(False)]
    p = P()
    total = 0
    for i in range(n):
        phase = i * 4 // n
        c = objs[(i * 5) % (2 + 2 * phase) if phase < 3 else (i * 5) % 6]
        det = c if i % 3 == 0 else None
        v = V([c], det)
        into = []
        p.add_consumers(v, into)
        total += len(into) * (i % 7 + 1)
    return total


print(run(20000))
