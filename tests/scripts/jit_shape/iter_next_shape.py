# Shape: a loop over a user iterator class (bench/pythagorean.py's PairIter in
# small). Its __next__ is inlined into the loop's trace like a call (entered
# by FOR_ITER, kByIter), so no step goes through the generic iter_next
# helper, and the loop's last step (StopIteration, on a path the trace did
# not record) leaves through an exit inside the inlined __next__ that ends
# the loop (JitState::resume_inlined). Under the merging policies that exit
# gets a bridge inside __next__ that ends in the raise; pure tracing cannot
# bridge inside an inlined call and de-inlines __next__ (as it does any callee).
# jit-expect: loops>=1 inlined_calls>=1
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: calls_by_helper.iter_next==0 deinlined==0
# jit-expect[none]: deinlined==1


class PairIter:
    def __init__(self, n, m):
        self.i = 0
        self.j = 0
        self.n = n
        self.m = m

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        v = (self.i, self.j)
        self.j += 1
        if self.j >= self.m:
            self.j = 0
            self.i += 1
        return v


def run(k):
    total = 0
    for rep in range(k):
        for a, b in PairIter(20, 20):
            total += a * b - rep
    return total


print(run(30))
