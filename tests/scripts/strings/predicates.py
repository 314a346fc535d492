tests = ["123", "abc", "abc123", "", " ", " \t\n", "ABC", "aBc", "12.5", "-1", "a b", "\u00e9"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower())
