a = []
try:
    a.pop()
except IndexError as e:
    print("IndexError:", e)
a = [1, 2]
try:
    a.pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    a.remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    a.index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    a[2]
except IndexError as e:
    print("IndexError:", e)
try:
    a[2] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    a[1.0]
except TypeError as e:
    print("TypeError:", e)
