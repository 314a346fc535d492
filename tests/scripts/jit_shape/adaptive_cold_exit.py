# Shape (issue 6): a branch taken on 1 call in 200 stays a side exit under
# adaptive (below adaptive_min_percent of the function's calls); the frequent
# one gets a bridge that merges. Other merging policies bridge both.
# (f is not inlined, so that it is a function region of its own.)
# jit-params: inlining=0
# jit-expect[adaptive]: functions>=1 cold_exits>=1 merges>=1
# jit-expect[generalize,cfg]: cold_exits==0

def f(i, x):
    if i % 200 == 7:
        x = x + 1000
    if i % 2 == 0:
        x = x * 2
    return x + 1

def main():
    s = 0
    for i in range(4000):
        s += f(i, i)
    print(s)


main()
