def describe(name, age, city="?"):
    return name + " " + str(age) + " " + city
print(describe("Ann", 3))
print(describe(age=5, name="Bo"))
print(describe("Cy", city="Rome", age=7))
try:
    describe("x", name="y", age=1)
except TypeError as e:
    print("TypeError:", e)
try:
    describe("x", bogus=1, age=2)
except TypeError as e:
    print("TypeError:", e)
try:
    describe("x")
except TypeError as e:
    print("TypeError:", e)
try:
    describe()
except TypeError as e:
    print("TypeError:", e)
try:
    describe(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
