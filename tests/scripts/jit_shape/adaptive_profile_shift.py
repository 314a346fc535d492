# Shape (issue 6): under adaptive, a loop's region counts its iterations and
# how often each merged arm runs; when the profile shifts (here a branch
# taken on 10% of the iterations, then on 90%), the region is re-formed:
# dropped and recorded again around the new hot path. The other policies
# never re-form.
# jit-expect[adaptive]: reformations>=1
# jit-expect[generalize,diamond,cfg]: reformations==0

def work(n, split):
    t = 0
    for i in range(n):
        rare = (i % 10 == 0) if i < split else (i % 10 != 0)
        if rare:
            t += i * 3
            t -= 1
        else:
            t += 1
    return t


print(work(40000, 20000))
print(work(30000, 0))
