# sys.get_int_max_str_digits / set_int_max_str_digits: CPython 3.11's limit on
# decimal int<->str conversions, its errors, and lifting it.
import sys

print(sys.get_int_max_str_digits())
for text in ("1" * 4300, "1" * 4301):
    try:
        print(len(str(int(text))))
    except ValueError as e:
        print("ValueError:", e)
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(10 ** 6000)), int("f" * 5000, 16) % 1000)  # powers of two are never limited

sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 5000)), int("7" * 5000) % 1000)
sys.set_int_max_str_digits(maxdigits=5000)
print(len(str(10 ** 4999)))
for bad in (100, -1, 639):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.set_int_max_str_digits(1000.0)
except TypeError as e:
    print("TypeError:", e)
sys.set_int_max_str_digits(640)
print(sys.get_int_max_str_digits(), len(str(10 ** 639)))
try:
    str(10 ** 640)
except ValueError as e:
    print("ValueError:", e)
