s = "abc"
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
t = s
s += "d"
print(s, t)
u = s.upper()
print(s, u)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
