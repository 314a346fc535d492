import math
def grow(x):
    return math.exp(x)
print(grow(1))
print(grow(10000))
