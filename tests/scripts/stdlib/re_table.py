# re through its public API, table-driven: every pattern below against every
# subject (search spans and groups, plus fullmatch, findall, sub and split
# for each pattern), compared with CPython's results; then catastrophic-
# backtracking patterns run in a child process that the test bounds with a
# timeout (the engine itself has none).
import re, subprocess, sys

PATTERNS = [
    (r"abc", 0), (r"a.c", 0), (r"a.c", re.S), (r"^\w+", 0), (r"\w+$", 0), (r"^\w+$", re.M),
    (r"(\d+)-(\d+)", 0), (r"(?P<year>\d{4})-(?P<mon>\d\d)", 0), (r"(a|b)*c", 0), (r"(a|bc)+", 0),
    (r"a{2,3}", 0), (r"a{2,}?", 0), (r"a*?b", 0), (r"(a+)(b+)?", 0), (r"[a-c]+", re.I),
    (r"[^aeiou\s]+", 0), (r"\bfoo\b", 0), (r"\Bo+\B", 0), (r"(?i)hello", 0), (r"h(?=e)", 0),
    (r"h(?!e)", 0), (r"(?<=a)b", 0), (r"(?<!a)b", 0), (r"(\w)\1", 0), (r"(?P<q>['\"]).*?(?P=q)", 0),
    (r"(a)?(?(1)b|c)", 0), (r"(?:ab)+", 0), (r"(?>a+)b", 0), (r"a++b", 0), (r"a*+a", 0),
    (r"x*", 0), (r"", 0), (r"\d+(?:\.\d+)?", 0), (r"\s+", 0), (r"[\u00e0-\u00ff]+", 0),
    (r"caf\u00e9", re.I), (r"\W+", re.A), (r"(?x) a  b  # comment\n c", 0), (r"^$", re.M), (r"\Aab|cd\Z", 0),
    (r"(a|ab)(c|bcd)(d*)", 0), (r"((a)|b)+", 0), (r"(a*)*", 0), (r"(a*)+", 0), (r"(?s:.)+?x", 0),
    (r"[[:alpha:]]", 0), (r"\$\d+\.\d{2}", 0), (r"(?m)^\s*#.*$", 0),
]
SUBJECTS = ["abc", "aabbcc 2023-11 foo", "hello Hello HEH", "a\nb\nc", "x = 'q' + \"r\"",
            "caf\u00e9 CAF\u00c9 na\u00efve", "  # note\ncode # x", "$12.50 and 3.14", "abcd bcd aabaab", ""]

count = 0
for pat, flags in PATTERNS:
    try:
        rx = re.compile(pat, flags)
    except re.error as e:
        print("compile error", repr(pat), e)
        continue
    for s in SUBJECTS:
        count += 1
        m = rx.search(s)
        print(repr(pat), repr(s), None if m is None else (m.span(), m.groups(), sorted(m.groupdict().items()),
                                                           m.lastindex, m.lastgroup))
    s = SUBJECTS[count % len(SUBJECTS)]
    f = rx.fullmatch(SUBJECTS[0])
    print("  full", None if f is None else f.span(), "findall", rx.findall(SUBJECTS[1]),
          "sub", rx.sub("<\\g<0>>", SUBJECTS[8], count=3), "split", rx.split(SUBJECTS[2], maxsplit=2))
print("pairs", count)

# Errors: bad patterns raise re.error with position.
for bad in ["(", "a)", "[z-a]", "a**", "(?P<1>x)", "(?<=a+)b", "\\", "x{3,2}", "(?P=nope)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e.msg, e.pos)

# Catastrophic backtracking, bounded by the test: each runs in a child with a timeout.
CHILD = "import re, sys; n = int(sys.argv[2]); print(re.%s(sys.argv[1], 'a' * n + '!'))"
for func, pat, n in [("match", r"(a+)+b", 18), ("search", r"(a|aa)*c", 22), ("fullmatch", r"(a*)*b", 18),
                     ("match", r"(?:a|a)*b", 18)]:
    try:
        out = subprocess.run([sys.executable, "-c", CHILD % func, pat, str(n)], capture_output=True, text=True,
                             timeout=60).stdout.strip()
    except subprocess.TimeoutExpired:
        out = "timed out"
    print(func, pat, n, out)
