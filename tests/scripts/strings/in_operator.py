s = "The quick brown fox"
for sub in ["quick", "Quick", "", "fox", "foxes", " ", "The q"]:
    print(repr(sub), sub in s, sub not in s)
try:
    print(1 in "abc")
except TypeError as e:
    print("TypeError:", e)
