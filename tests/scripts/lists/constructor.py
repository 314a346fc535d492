print(list(), list("abc"), list((1, 2)), list(range(4)), list({1: "a", 2: "b"}))
print(list([1, 2]) is list([1, 2]))
a = [3, 4]
b = list(a)
b.append(5)
print(a, b)
print(list(map(str, [1, 2])), list(zip([1, 2], "ab")))
print(list(enumerate("xy")), list(reversed("abc")))
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
