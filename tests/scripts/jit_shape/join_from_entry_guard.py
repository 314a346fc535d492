# Shape: deltablue's remove_propagate_from in small. An exit of the inner
# loop's region is a guard the optimizer hoisted into the region's entry
# block; its bridge joins the loop body right after the header, which a guard
# in the entry block cannot do (the join would skip the header's PHIs). Now
# the next bridge from that exit does not try to join: it runs to the loop's
# header like a pure-tracing bridge and is kept separate. Before, the joining
# bridge failed three times and the exit was blacklisted: 11,582 side exits
# and one unbridged hot exit under generalize; now 3,800, none unbridged
# (2,800 with region_batch=0: with trace_eagerness 200 each batched bridge
# waits for 500 more exits). The shape appears with the default thresholds only.
# jit-params: threshold=1039,function_threshold=1619,trace_eagerness=200
# jit-expect: hot_exits_unbridged==0 side_exits<=4000 loops==3

class Con:
    def __init__(self, i, out): self.i = i; self.out = out
    def is_satisfied(self): return self.i % 4 != 1
    def recalculate(self): self.i += 0
    def output(self): return self.out

class Var:
    def __init__(self): self.constraints = []; self.determined_by = None

def propagate(out):
    unsatisfied = []
    todo = [out]
    while todo:
        v = todo.pop()
        for c in v.constraints:
            if not c.is_satisfied():
                unsatisfied.append(c)
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                c.recalculate()
                todo.append(c.output())
    return unsatisfied

chain = [Var() for _ in range(60)]
for k in range(59):
    c = Con(k, chain[k + 1])
    chain[k].constraints.append(c)
    chain[k].constraints.append(Con(k * 3 + 1, chain[k + 1]))
    if k % 3 == 0:
        chain[k].determined_by = c
total = 0
for r in range(400):
    total += len(propagate(chain[r % 7]))
print(total)
