import time
t1 = time.perf_counter()
s = 0
for i in range(10000):
    s += i
t2 = time.perf_counter()
print(s, t2 >= t1, type(t1))
w = time.time()
print(w > 1600000000, type(w))
p1 = time.process_time()
p2 = time.process_time()
print(p2 >= p1, isinstance(p1, float))
elapsed = t2 - t1
print(elapsed >= 0, elapsed < 60)
