# Method calls and attribute loads in hot loops.

def main():
    words = []
    for i in range(40):
        w = ("Item%d" % i).upper().replace("ITEM", "it")
        words.append(w.lower())
    print(words[:5], words[-1])
    text = "the quick brown fox jumps over the lazy dog " * 3
    n = 0
    for w in text.split():
        if w.startswith("t") or w.endswith("x"):
            n = n + len(w)
    print(n)
    lst = []
    for i in range(30):
        lst.insert(0, i)
        if len(lst) > 10:
            lst.pop()
    print(lst)
    print((3.5).is_integer(), (4.0).is_integer())
    c = 0
    for i in range(40):
        c = c + (i * 0.5).is_integer()
    print(c)


main()
