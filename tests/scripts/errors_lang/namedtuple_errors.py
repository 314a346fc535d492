import collections
P = collections.namedtuple("P", "x y")
p = P(1, 2)
print(p, p._replace(x=5), p._asdict())
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
P(1, 2, 3)
