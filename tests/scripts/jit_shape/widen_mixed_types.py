# Shape (issue 6): a loop whose value is an int on some iterations and a float
# on others. generalize cannot join an int with a float; cfg widens the slot to
# a boxed value PHI (checked below the join) and merges the paths. It does
# not widen where the check below would fail on the bridge's own path (an
# int the code reads, where the bridge has a float): such a join only moved
# the path to the check's exit (28 bridges, 14 merged, before that rule;
# 20 and 6 with it).
# jit-expect[cfg]: loops>=1 merges>=6 widened>=1 bridges<=20 bridges_unmerged<=16
# jit-expect[generalize]: widened==0

def main():
    rows = []
    for i in range(300):
        x = None if i % 3 == 0 else (i if i % 2 else i * 0.5)
        k = None if i % 5 == 0 else (2 if i % 7 else -1.5)
        rows.append((x, k))
    tot = 0
    for x, k in rows:
        if x is not None and k is not None:
            tot = tot + x * k
    print(tot, len(rows), rows[:8])


main()
