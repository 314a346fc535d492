lines = ["def big(x):", "    acc = 0"]
for i in range(25):
    lines.append("    if x %% %d == 0:" % (i + 2))
    lines.append("        acc += %d" % i)
lines.append("    return acc")
ns = {}
exec("\n".join(lines), ns)
big = ns["big"]
print(big(1), big(2), big(60), big(360))
s = 0
for i in range(100):
    s += big(i)
print(s)
