from math import sqrt
print(sqrt(16.0))
try:
    from math import nonexistent_thing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
import math.nothing
