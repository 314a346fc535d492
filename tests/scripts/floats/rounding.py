for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5, 5.5]:
    print(v, round(v), type(round(v)))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(1e20, 2), round(123.456, 10))
print(round(0.0), round(-0.0), round(-0.4))
print(round(2.5, 0), round(3.5, 0))
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
try:
    round(float("nan"))
except ValueError as e:
    print(e)
print(round(float("inf"), 2))
