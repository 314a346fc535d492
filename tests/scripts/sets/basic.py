s = {3, 1, 2}
print(s, len(s), 1 in s, 5 in s, 5 not in s)
s.add(4)
s.add(1)
print(s)
s.remove(2)
print(s)
s.discard(10)
s.discard(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set(), set([1, 1, 2]), set(range(5)), set((5, 5, 6)))
print(type({1}), type(set()), {} == set())
