# Shape (issue 12, compile storms): a loop over instances of 48 classes, each
# with its own method, takes a new bridge for every class. Every bridge used
# to recompile the whole loop region (a trace tree under none, a merged region
# under the others); past region_compiles (32) the region is frozen and the
# remaining classes get separately compiled bridges.
# jit-expect[none,diamond,generalize,cap:2,adaptive,cfg]: frozen>=1 compiles_max<=32 internal_errors==0

src = ""
for k in range(48):
    src += "class C%d:\n    def __init__(self, x):\n        self.x = x\n" % k
    src += "    def val(self):\n        return self.x * %d + 1\n" % k
exec(src)
classes = [globals()["C%d" % k] for k in range(48)]

objs = [classes[k](k) for k in range(48)]
total = 0
for rep in range(30):
    for o in objs:
        total += o.val()
print(total)
