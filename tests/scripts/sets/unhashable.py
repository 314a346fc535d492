try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
s = set()
try:
    s.add({})
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] in s)
except TypeError as e:
    print("TypeError:", e)
