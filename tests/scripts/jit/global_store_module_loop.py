# Module-level loops store globals (STORE_GLOBAL in the traced loop); a
# function folds a global the loop rebinds; globals change type mid-loop.
import math

total = 0
for i in range(100):
    total += i
print(total, i)

acc = 0.0
for k in range(50):
    acc = acc + math.sqrt(k)
    if k == 25:
        acc = int(acc)
print(acc)

limit = 3


def under(x):
    return x < limit


hits = 0
for j in range(60):
    if under(j):
        hits += 1
    if j == 30:
        limit = 40
print(hits, limit)

names = []
for j in range(20):
    last = j * 2
    names.append(last)
    if j == 10:
        del last
print(names[-1], last)

flag = None
count = 0
for j in range(40):
    if flag is None:
        count += 1
    else:
        count += flag
    if j == 20:
        flag = 5
print(count)
