from math import sqrt, pi, floor
import math as m
print(sqrt(81), pi, floor(-0.5), m.ceil(0.5))
print(m.sqrt(2) == sqrt(2), m is m)
