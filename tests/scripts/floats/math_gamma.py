# math.gamma/lgamma equal CPython's to the last bit; poles are ValueError, overflow OverflowError.
import math, random
random.seed(5)
vals = [0.5, 1.5, 2.5, -0.5, -1.5, 3.7, 10.1, 30.3, 100.7, 141.5, 170.2, 171.7, -170.5, -200.5, -250.3, 1e-21, -1e-21, 1e-300, 5e-324, 7.0, 23.0, 24.0, 25.5, 0.1, -0.1, 2.0000001, 150.0, 199.9, 250.0]
vals += [random.uniform(-50, 180) for _ in range(300)]
for f in (math.gamma, math.lgamma):
    for v in vals + [0.0, -0.0, -1.0, -2.0, float('inf'), float('-inf'), float('nan'), 1e308, -1e308, 172.0]:
        try:
            print(f.__name__, repr(v), repr(f(v)))
        except Exception as e:
            print(f.__name__, repr(v), type(e).__name__, e)
