# Shape: a generated function with three 3-item `for` loops and long
# stretches of appends between them (a template's `{% for %}` blocks in its
# text), called 700 times. A bridge from the first loop's end runs into
# the second loop after far more than 200 instructions (LoopEntry): the
# function is huge, and its loops, re-recorded with iteration counters, run
# two or three compiled iterations per entry from the interpreter. Entering
# and leaving machine code costs more than that, so every loop that averages
# under 4 iterations per entry over 256 entries is demoted to the
# interpreter (bench/template.py: 99 of 100 such loops, 1.46 -> 1.28 s).
# (The appends between them are chunks of calls, left to the interpreter
# too. The first loop keeps its trace: the function's trace reaches it and
# jumps into it (a linked exit), and entries from machine code do not count.)
# jit-expect: huge_codes==1 demoted==2 linked_exits==1 chunks==0 aborts.CallBound>=2


def generate(lines_between):
    src = ["def page(items, k):", "    v = k", "    out = 0", "    acc = []", "    w = acc.append"]
    for block in range(3):
        src.append("    for it in items:")
        src.append("        out += it * %d + v" % (block + 2))
        for j in range(lines_between):
            src.append("    w(str(v + %d))" % j)
    src.append("    return out + v + len(''.join(acc))")
    return "\n".join(src) + "\n"


ns = {}
exec(generate(90), ns)
page = ns["page"]
items = [3, 5, 7]
total = 0
for k in range(700):
    total = (total + page(items, k)) % 1000000007
print(total)
