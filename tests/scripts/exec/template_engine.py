def compile_template(name, fields):
    lines = ["def %s(obj):" % name, "    out = []"]
    for f in fields:
        lines.append("    out.append(%r + '=' + str(obj[%r]))" % (f, f))
    lines.append("    return ', '.join(out)")
    ns = {}
    exec("\n".join(lines), ns)
    return ns[name]
render = compile_template("render", ["id", "name", "score"])
rows = [{"id": i, "name": "n%d" % i, "score": i * i} for i in range(5)]
for r in rows:
    print(render(r))
total = 0
for i in range(3000):
    total += len(render(rows[i % 5]))
print(total)
