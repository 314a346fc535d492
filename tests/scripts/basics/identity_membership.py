a = [1, 2, 3]
b = a
c = [1, 2, 3]
print(a is b, a is c, a == c, a is not c)
print(None is None)
print(2 in a, 5 in a, 5 not in a)
print("ell" in "hello", "z" in "hello", "" in "abc")
print(1 in (1, 2), (1, 2) in [(1, 2), 3])
d = {"k": 1, 2: "v"}
print("k" in d, 1 in d, 2 in d, "v" in d)
s = {1, 2, 3}
print(3 in s, 4 not in s)
print(1.0 in [1], True in [1], 0 in [False])
print(3 in range(5), 7 in range(0, 10, 2), 8 in range(0, 10, 2))
print([] in [[]], not [] in [1])
