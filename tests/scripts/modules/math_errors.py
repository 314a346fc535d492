import math
tests = [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.log(10, 1),
         lambda: math.factorial(-3), lambda: math.factorial(2.5), lambda: math.isqrt(-1),
         lambda: math.exp(1000), lambda: math.comb(-1, 2), lambda: math.pow(0, -1),
         lambda: math.sqrt("x"), lambda: math.floor(math.inf), lambda: math.ceil(math.nan), lambda: math.log2(0)]
for t in tests:
    try:
        print("ok", t())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e), e)
