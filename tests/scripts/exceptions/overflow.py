import math
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(2 ** 2000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    1e308 * 10
    print("no overflow for multiply, inf")
except OverflowError as e:
    print(e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
