import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.pi * 2 == math.tau, math.isnan(math.nan), math.isinf(math.inf))
print(type(math.pi), f"{math.pi:.10f}", round(math.e, 5))
