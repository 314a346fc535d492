import math
for v in [0.0, 1.5, math.inf, -math.inf, math.nan, 1e308, -0.0]:
    print(v, math.isnan(v), math.isinf(v), math.isfinite(v))
print(math.isnan(1), math.isfinite(10 ** 100))
