def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in [-5, 0, 3, 10, 99]])
x = 5
if x:
    print("truthy")
if not []:
    print("empty list falsy")
if x > 3 and x < 10 or x == 100:
    print("range")
if "":
    print("no")
else:
    print("empty str falsy")
if x == 1: print("one")
elif x == 5: print("five")
