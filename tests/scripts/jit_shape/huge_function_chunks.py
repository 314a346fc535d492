# Shape: generated functions of 5,000 and 20,000 statements (string appends,
# str() of values, dict and attribute lookups, `if` blocks, small `for`
# loops), far past trace_limit with nothing to inline: seed 003's template
# function. Each one's first recording passes the limit and marks it huge
# (one more "trace too long" each: the module loop's, which inlined it and
# then keeps it residual). Later recordings end at a statement outside its
# loops once chunk_limit long, or at a boundary where a chunk already
# starts; the next chunk starts there, recorded when compiled code reaches
# its start or when the interpreter does after an exit (the frame is
# watched for boundaries). Under the merging policies the `if` arms inside a
# chunk join it; under none they are bridges, cut at the same boundaries.
# chunk_call_percent=100: these statements are mostly calls, whose chunks
# the default leaves to the interpreter (see huge_function_phases.py for
# chunks kept by default). Chunks in all: 236 under none (its bridges, merged
# nowhere, cut at more places), 212 with merging (before the bound
# `_w = _out.append` calls became guarded list_append calls, six IR
# instructions each where a generic call took two: 185 and 166).
# jit-params: chunk_limit=1500,chunk_call_percent=100
# jit-expect: huge_codes==2 aborts.TraceTooLong<=3 hot_exits_unbridged==0 chunk_entries>=500
# (The counts as ranges: a region frozen at its compile-time budget on a
# loaded machine changes where bridges cut by a chunk or two.)
# jit-expect[none]: chunks>=225 chunks<=250
# jit-expect[diamond,generalize,cap:2,adaptive,cfg]: chunks>=200 chunks<=225


class Rec:
    def __init__(self, i):
        self.name = "rec%d" % i
        self.score = i * 7 % 101
        self.tags = ["t%d" % j for j in range(i % 3 + 1)]


def generate(n):
    lines = ["def render(rec, data, flags):", "    out = []", "    w = out.append", "    total = 0"]
    k = 0
    while k < n:
        c = k % 9
        if c == 0:
            lines.append("    w('<p class=\"c%d\">')" % k)
        elif c == 1:
            lines.append("    w(str(rec.score + %d))" % k)
        elif c == 2:
            lines.append("    w(data['k%d'])" % (k % 11))
        elif c == 3:
            lines.append("    total += data['n%d'] * %d" % (k % 5, k % 7 + 1))
        elif c == 4:
            lines.append("    if flags[%d]:" % (k % 8))
            lines.append("        w(rec.name)")
            lines.append("    else:")
            lines.append("        w('-%d')" % k)
            k += 3
        elif c == 5:
            lines.append("    w('%%d/%%s' %% (total %% %d, rec.name))" % (k % 13 + 2))
        elif c == 6 and k % 90 == 6:
            lines.append("    for t in rec.tags:")
            lines.append("        w(t)")
            k += 1
        else:
            lines.append("    w(str(total))")
        k += 1
    lines.append("    return ''.join(out), total")
    return "\n".join(lines) + "\n"


def run(n, calls):
    source = generate(n)
    ns = {}
    exec(source, ns)
    render = ns["render"]
    digest = 0
    lengths = []
    for call in range(calls):
        flags = [(call >> b) & 1 == 1 for b in range(8)]
        text, total = render(recs[call % 4], data, flags)
        lengths.append(len(text))
        digest = (digest * 31 + sum(map(ord, text[::97])) + total) % 1000000007
    print("lines", source.count("\n"))
    print("lengths", lengths[:5], sum(lengths))
    print("digest", digest)


data = {}
for i in range(11):
    data["k%d" % i] = "v%d" % i
for i in range(5):
    data["n%d" % i] = i * 3 + 1
recs = [Rec(i) for i in range(4)]
run(5000, 20)
run(20000, 5)
