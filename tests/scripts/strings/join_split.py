print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join("abc"))
print("a,b,,c".split(","), "a b  c\n d\t".split(), "  lead".split())
print("a,b,c".split(",", 1), "1 2 3 4".split(None, 2), "".split(), "".split(","))
print("a,b,c".rsplit(",", 1), "a b c d".rsplit(None, 1), "x".rsplit("x"))
print("one::two::three".split("::"), "abc".split("abc"))
print("  a  b  ".rsplit(), "a-b-c".rsplit("-"))
print("-".join([]), "|".join(["only"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
