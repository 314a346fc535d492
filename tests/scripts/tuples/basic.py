t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("ab"))
e = 1,
print(e, type(e))
print(t + (4, 5), t * 2, 2 in t, 5 in t)
print(t.index(2), t.count(3), (1, 1, 1).count(1))
print(t == (1, 2, 3), t < (1, 2, 4), (1, 2) < (1, 2, 0), () < (0,))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
