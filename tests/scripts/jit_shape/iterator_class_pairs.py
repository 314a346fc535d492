# Shape: pythagorean's iterator-class variant (seed 000/001, "Problem 3:
# generators"). __next__ is inlined and its `(self.i, self.j)` tuple is
# unpacked by the loop; the merged region passes the tuple to the join
# below __next__'s row-wrap branch, a PHI whose arms carry the same tuple.
# The phis pass makes that join the tuple itself, so the virtuals pass
# removes it: no call and no allocation left in the loop (before: a
# build_tuple per pair; pythagorean's iter variant 1.90x -> 1.12x its loop).
# Without merging, __next__'s branch is a bridge and the tuple escapes into
# it: it is built there, where it escapes (one CALL in each of the two loop
# traces).
# jit-expect[generalize,cfg,diamond,adaptive,cap:2]: loops==1 bridges==2 ops.CALL==0 ops.VNEW==1 allocations_removed==3
# jit-expect[none]: bridges==3 ops.CALL==2 allocations_removed==3


class PairIter:
    def __init__(self, first, second):
        self.i, self.i_end = first
        self.j_start, self.j_end = second
        self.j = self.j_start

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.i_end:
            raise StopIteration
        value = (self.i, self.j)
        self.j += 1
        if self.j >= self.j_end:
            self.j = self.j_start
            self.i += 1
        return value


def count(top):
    total = 0
    for m, n in PairIter((1, top), (1, top)):
        if (m - n) & 1:
            total += m * n
    return total


print(count(120))
