# Shape: an object built where it escapes (issue 17, "materialized at the
# escape point only"). `make` returns a new Point: its function trace builds
# it at the return by one call of `materialize` with its class, shape and
# attributes, without new_instance and the constructor's guards and stores
# (before: new_instance, then a shape guard, a room guard, two slot stores
# and two shape stores: GUARD_TYPE 2 -> 1, STORE 6 -> 2; what is left is the
# loop's range iterator). Inlined into the loop, the Point is only read:
# virtual, no call.
# (adaptive adds its profile counters' stores.)
# jit-expect: functions==1 loops==1 ops.CALL==1 ops.GUARD_TYPE==1 allocations_removed==2
# jit-expect[none,diamond,generalize,cap:2,cfg]: ops.STORE==2


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(i):
    return Point(i, i + 1)


def run(n):
    t = 0
    for i in range(n):
        t += make(i).y
    return t


def warm():
    # Calls outside any loop: `make` is hot as a function first (its trace).
    return [make(0).x, make(1).x, make(2).x, make(3).x, make(4).x]


print(warm(), run(3000))
