from functools import reduce
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3, 4]))
print(reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [('a', 1), ('b', 2)], {}))
print(reduce(lambda a, b: a | b, [{1}, {2, 3}, {3, 4}]))
print(reduce(lambda acc, w: acc + len(w), ['ab', 'cde', ''], 0))
import math
print(reduce(math.gcd, [48, 180, 72]), reduce(lambda a, b: a * b // math.gcd(a, b), range(1, 11)))
