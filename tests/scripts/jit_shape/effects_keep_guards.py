# Shape: a residual call keeps the facts it cannot change (issue 17, "trace
# blockers that keep their facts"). The loop builds an instance per
# iteration and appends it to a list: `new_instance` only allocates and
# `out.append(c)` (now the list_append helper, not a generic call of the
# bound method) writes only its list; neither runs Python code (helpers.def's
# effects), so the global and class version guards leave the loop: the loop
# body keeps no GUARD_WORD. Before: a generic call (it may run Python code),
# four version guards, three of them checked on every iteration.
# jit-expect: loops==1 calls_by_helper.list_append==1 calls_by_helper.call==0 ops.GUARD_WORD==3 ops.CALL==2
SCALE = 3


class Cell:
    def __init__(self, v):
        self.v = v


def build(n):
    out = []
    for i in range(n):
        c = Cell(i * SCALE)
        out.append(c)
    return len(out), out[-1].v, sum(x.v for x in out[::500])


print(build(3000))
