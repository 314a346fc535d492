t = ("a", "b", "c")
for x in t:
    print(x, end=",")
print()
for i in range(len(t)):
    print(i, t[i])
print(list(zip(t, (1, 2, 3))))
print(sum((1, 2, 3)), max((4, 9, 2)), sorted((3, 1, 2)))
print(tuple([x * 2 for x in (1, 2)]))
