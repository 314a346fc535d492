# Shape (issue 12): under adaptive, a loop whose callers alternate between
# two phases (one in ten items true, then nine in ten) shifts its profile
# at every call. `work` becomes a function trace that enters the loop's
# code directly, so the loop's profile windows are closed when another
# trace's code continues into it, not only when the interpreter enters it.
# Each shift would re-form the loop (14 times here, see
# adaptive_phases_uncapped.py; deltablue's Plan.execute 99 times):
# adaptive_reforms (2) re-formations of one loop, then it keeps its shape.
# jit-expect[adaptive]: reformations==2 bridges<=8
# jit-expect[none,diamond,generalize,cap:2,cfg]: reformations==0


def work(data, a, b):
    for x in data:
        if x:
            a.append(x)
        else:
            b.append(x)


rare = [i % 10 == 0 for i in range(6000)]
common = [i % 10 != 0 for i in range(6000)]
total = 0
for k in range(30):
    a, b = [], []
    work(rare if k % 2 else common, a, b)
    total += len(a) * 3 + len(b)
print(total)
