# Shape: a search loop left through `return` on every call (raytrace's
# Scene.nearest, deltablue's add_consumers). The loop's exit gets hot; its
# bridge returns from the frame in compiled code (RET), so the loop and its
# exit run without the interpreter. Before, the bridge's recording aborted at
# the `return` (LeftFrame), the exit was blacklisted and every call left the
# loop's code through it: 2,000 side exits, listed as an unbridged hot exit.
# Under adaptive the exit is rare per iteration (1 in 50) but taken on every
# run of the loop, which is what makes it bridged there too.
# (Two loops, index_of's and the module's; one bridge; the few side exits are
# the ones counted before the bridge was compiled.)
# jit-expect: loops==2 bridges==1 aborts.LeftFrame==0 hot_exits_unbridged==0 side_exits<=10

def index_of(xs, v):
    i = 0
    for x in xs:
        if x == v:
            return i
        i += 1
    return -1

xs = list(range(60))
total = 0
for k in range(2000):
    total += index_of(xs, 40 + k % 20)
print(total)
