for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "back\\slash", "\x01", "é", ""]:
    print(repr(s), str(s), len(repr(s)))
print(repr([ "a", 'b"c', "d'e"]))
print(str(["x"]), str(("y",)), str({"k": "v"}))
