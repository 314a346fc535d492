print("%s %d %f" % ("str", 42, 3.5))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f %8.3f %-8.2f|" % (3.14159, 2.71828, 1.5))
print("%x %X %o %e %E" % (255, 255, 8, 1234.5, 0.00012))
print("%s" % [1, 2], "%s" % (1,), "%r" % "x", "%r" % [1, "a"])
print("%%d means int: %d" % 5, "100%%" % ())
print("%c%c" % (72, "i"), "%10s|%-10s|" % ("r", "l"))
print("%(a)s-%(b)d" % {"a": "x", "b": 3})
print("%i %u" % (7, 8), "%.3s" % "abcdef", "%5.1s|" % "xyz")
print("%d" % 3.99, "%s %s" % (True, None))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
