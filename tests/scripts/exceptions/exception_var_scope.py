try:
    1 / 0
except ZeroDivisionError as e:
    saved = e
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
print("saved:", saved, type(saved))
