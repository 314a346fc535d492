# Shape (issue 12): bridges recorded close together share one recompilation
# of their loop's region. Eight branches on i % p become hot within a few
# dozen iterations; each bridge waits in the region's IR until its exit is
# taken region_batch (250% of trace_eagerness: 5 here) more times. The loop
# is compiled 3 times for its 8 bridges (9 times with region_batch=0:
# region_batch_off.py). The counter `t` only the bridges change is a local
# the loop keeps in memory: the bridges store it and merge below their `if`
# (before, each was kept separate: "bridge changes a slot the loop does not
# carry", 74 bridges under every policy).
# jit-expect: hot_exits_unbridged==0 internal_errors==0
# jit-expect[none]: compiles_max<=4 frozen==1
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: bridges==8 merges==8 compiles_max==3 frozen==0
def main():
    t = 0
    for i in range(3000):
        if i % 3 == 0:
            t += 1
        if i % 5 == 0:
            t += 2
        if i % 7 == 0:
            t += 3
        if i % 11 == 0:
            t += 4
        if i % 13 == 0:
            t += 5
        if i % 17 == 0:
            t += 6
        if i % 19 == 0:
            t += 7
        if i % 23 == 0:
            t += 8
    print(t)


main()
