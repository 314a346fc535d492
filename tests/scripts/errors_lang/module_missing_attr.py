import math
print(math.floor(2.5))
math.no_such_function(1)
