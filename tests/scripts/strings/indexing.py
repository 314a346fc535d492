s = "hello world"
print(s[0], s[4], s[-1], s[-5], len(s))
for i in range(len(s)):
    print(i, s[i], end="; ")
print()
try:
    s[11]
except IndexError as e:
    print("IndexError:", e)
try:
    s[-12]
except IndexError as e:
    print("IndexError:", e)
print("" == s[0:0], type(s[0]))
