# Shape: a function reading two attributes of its argument five times each,
# with no store or call in between. Each attribute is loaded once (and its
# object's shape checked once): loads of one address merge while nothing
# could have written memory. 21 live LOADs and 7 GUARD_TRUEs before; 7 and 2
# now, 8 under adaptive with its profile counter (calls are not inlined
# here, so norm1 is compiled on its own).
# jit-params: inlining=0
# jit-expect: functions>=1 ops.GUARD_TRUE<=2
# jit-expect[none,diamond,generalize,cap:2,cfg]: ops.LOAD<=7
# jit-expect[adaptive]: ops.LOAD<=8
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def norm1(v):
    return abs(v.x) + abs(v.y) + v.x * v.y + v.x - v.y


def run(n):
    v = Vec(3, 4)
    w = Vec(-2, 5)
    total = 0
    for i in range(n):
        total += norm1(v) + norm1(w)
    return total


print(run(3000))
