a = "foo"
b = "bar"
print(a + b, a + " " + b, a * 3, 3 * b, a * 0, repr(a * -1))
s = ""
for i in range(5):
    s += str(i)
print(s)
print("-" * 20)
print(("ab" + "cd") * 2)
print("abc" == "abc", "abc" != "abd", "abc" < "abd", "B" < "a", "" < "a", "ab" < "abc")
print("Z" > "A", "apple" > "app", "a" <= "a", "10" < "9")
print(max("hello"), min("hello"))
