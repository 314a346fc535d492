import math, sys, time
import math
print(math.floor(1.5), sys.maxsize > 0, time.perf_counter() >= 0)
def f():
    import math
    return math.sqrt(49)
print(f())
