s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("the", "a", 1), s.replace("x", "y"))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "aaaa".replace("aa", "b"))
print(s.find("at"), s.find("at", 6), s.find("zz"), s.find(""), s.find("the", 1))
print(s.rfind("at"), s.rfind("at", 0, 10), s.rfind("zz"), s.rfind(""))
print(s.index("sat"), s.rindex("the"))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
print(s.count("at"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("t", 5, 15))
print(s.find("t", -5), s.find("t", 2, 3))
