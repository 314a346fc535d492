# Shape: a loop trace is invalidated (its inlined callee is de-inlined under
# pure tracing, which cannot bridge inside an inlined call) while a function
# trace still continues into it: its machine code is freed, and the function
# trace's jump to it leaves to the interpreter at the loop's header instead.
# (The merging policies bridge inside the inlined call and keep the loop.)
# jit-expect[none]: invalidated>=1 deinlined>=1 code_bytes_freed>0
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: invalidated==0 merges>=1

def g(i, k):
    if i % k == 0:
        return 1
    return 2


def f(n, k):
    t = 0
    for i in range(n):
        t += g(i, k)
    return t


total = 0
for rep in range(60):
    total += f(40, 1000 if rep < 20 else 3)
print(total)
