s = {1, 2, 3}
c = s.copy()
c.add(4)
print(s, c)
s.clear()
print(s, len(s))
p = {7}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
u = {1, 2}
u.update([3, 4], {5})
print(u)
