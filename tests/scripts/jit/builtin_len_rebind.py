# Shadowing a builtin with a global mid-loop, then removing the shadow.
data = [[1] * k for k in range(10)]
res = []
for i in range(30):
    res.append(len(data[i % 10]))
    if i == 12:
        len = lambda x: -100
    if i == 20:
        del len
print(res)
m = 0
for i in range(30):
    m = max(m, i % 17)
    if i == 25:
        max = min
print(m)
del max
print(max(3, 4))
