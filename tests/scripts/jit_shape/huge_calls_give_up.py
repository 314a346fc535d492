# Shape: a generated function of twelve blocks, each a 3-item `for` loop
# and 90 appends of str() (a template's text), called 300 times. The
# function is huge; every stretch of appends is a chunk of calls, refused
# when recorded (CallBound: the interpreter runs it as fast). Recording a
# refused chunk costs chunk_limit instructions; after 4 refusals with no
# chunk compiled the function's chunks are left to the interpreter without
# recording them (chunks_pay), so at most 4 of the 11 stretches between
# loops are recorded and refused (without the rule: 20, each stretch once or twice).
# jit-expect: huge_codes==1 chunks==0 aborts.CallBound>=1 aborts.CallBound<=4


def generate(blocks, lines_between):
    src = ["def page(items, k):", "    v = k", "    out = 0", "    acc = []", "    w = acc.append"]
    for block in range(blocks):
        src.append("    for it in items:")
        src.append("        out += it * %d + v" % (block + 2))
        for j in range(lines_between):
            src.append("    w(str(v + %d))" % (j * block))
    src.append("    return out + v + len(''.join(acc))")
    return "\n".join(src) + "\n"


ns = {}
exec(generate(12, 90), ns)
page = ns["page"]
items = [3, 5, 7]
total = 0
for k in range(300):
    total = (total + page(items, k)) % 1000000007
print(total)
