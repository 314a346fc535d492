s = "héllo"
for ch in s:
    print(ch, ord(ch))
print(list("abc"), tuple("ab"), sorted("banana"))
count = 0
for c in "mississippi":
    if c == "s":
        count += 1
print(count)
print([c.upper() for c in "abc"])
print(len(""), len("a"), len("\n\n"))
rev = ""
for c in "stressed":
    rev = c + rev
print(rev)
