# String building in hot loops.

def main():
    s = ""
    for i in range(60):
        s = s + str(i % 10)
    print(s, len(s))
    parts = []
    for i in range(40):
        parts.append("%d:%s" % (i, "x" * (i % 4)))
    print(",".join(parts))
    t = ""
    i = 0
    while len(t) < 100:
        t += chr(97 + i % 26)
        i += 1
    print(t, i)
    f = ""
    for i in range(30):
        f = f + f"{i:>3}|{i * 0.5:.2f};"
    print(f)


main()
