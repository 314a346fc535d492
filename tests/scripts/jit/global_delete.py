# Deleting a global used by a hot loop: NameError after the deletion.
K = 5

def use(n):
    s = 0
    for i in range(n):
        s = s + K
    return s

print(use(20))
print(use(20))
del K
try:
    print(use(20))
except NameError as e:
    print("NameError", e)
K = 2.5
print(use(20))
G = 1
tot = 0
try:
    for i in range(30):
        tot = tot + G
        if i == 18:
            del G
except NameError as e:
    print("NameError", e, tot, i)
