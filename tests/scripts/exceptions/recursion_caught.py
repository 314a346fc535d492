import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)
print(count(200))
print(sys.getrecursionlimit())
try:
    down(0)
except RecursionError:
    print("second time ok")
