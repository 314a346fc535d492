try:
    x = 1 / 0
except ZeroDivisionError:
    print("caught ZeroDivisionError")
try:
    [][0]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError:", e)
try:
    int("x")
except ValueError as e:
    print("ValueError:", e)
try:
    undefined_name
except NameError as e:
    print("NameError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
print("after")
