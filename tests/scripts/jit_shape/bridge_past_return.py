# Shape: a bridge from an exit inside an inlined call runs the rest of the
# call, returns into the loop and goes on there (Recorder::adopt). Here the
# path after the return calls work(), whose loop has no trace of its own:
# the bridge's recording aborts inside that call (InnerLoop), so work() is
# what stops being inlined (it is called, residually, by the next attempt),
# while pick() stays inlined and the loop's region is kept. Before, the bridge
# aborted when pick() returned, the exit was blacklisted, pick() was
# de-inlined and the loop's region thrown away and recorded again (under
# generalize: 2 de-inlined, 1 region invalidated, 14,498 entries into
# compiled code; now 1, 0 and about 2,200).
# jit-expect: loops>=1
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: invalidated==0 deinlined==1 bridges>=1 hot_exits_unbridged==0 trace_entries<=4000


class Item:
    def __init__(self, flag, size):
        self.flag = flag
        self.size = size


def pick(item):
    if item.flag:
        return 1
    return 2


def work(n):
    s = 0
    for j in range(n):
        s += j * j
    return s


def main():
    items = [Item(i % 5 != 0 or i < 40, i % 7) for i in range(400)]
    total = 0
    for rep in range(30):
        for it in items:
            if pick(it) == 2:
                total += work(it.size)
            else:
                total += 1
    print(total)


main()
