s = "filename.txt"
print(s.startswith("file"), s.startswith("name"), s.endswith(".txt"), s.endswith(".py"))
print(s.startswith(("a", "f")), s.endswith((".py", ".txt")), s.startswith(""))
print(s.startswith("name", 4), s.endswith("file", 0, 4), s.startswith("txt", -3))
print("".startswith(""), "".endswith("a"))
