pts = [(3, 1), (1, 2), (3, 0), (1, 1), (2, 5)]
print(sorted(pts), max(pts), min(pts))
print((1, (2, 3)) == (1, (2, 3)), (1, (2, 3)) < (1, (2, 4)))
print((1, 2, 3) > (1, 2), (0,) > (), ("a", 1) < ("b", 0))
print(((1, 2), (3, 4))[1][0])
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
