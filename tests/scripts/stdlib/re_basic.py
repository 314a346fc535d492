# CPython's own re package on Tributary's _sre.
import re

text = "Alice: 30, Bob: 25, Carol: 41"
print(re.findall(r"(\w+): (\d+)", text))
m = re.search(r"(?P<name>B\w+): (?P<age>\d+)", text)
print(m.group(0), m.group("name"), m["age"], m.span(), m.groupdict(), m.start(2), m.end())
print(re.sub(r"(\w+): (\d+)", r"\2=\1", text))
print(re.sub(r"\d+", lambda mo: str(int(mo.group()) + 1), text))
print(re.split(r",\s*", text), re.split(r"(:)", "a:b:c", maxsplit=1))
print(re.match(r"a+", "aaab").group(), re.fullmatch(r"[a-c]+", "abcabc") is not None, re.match("x", "y"))
pat = re.compile(r"^\s*(\w+)\s*=\s*(.*?)\s*$", re.MULTILINE)
conf = "name = tributary\n  mode=jit  \nlevel =  3"
print(pat.findall(conf), pat.pattern[:5], pat.groups, bool(pat.flags & re.MULTILINE))
print([mo.group(1) for mo in re.finditer(r"\b(\w)\w*", "the quick brown fox")])
print(re.findall(r"(?i)hello", "Hello HELLO hello"), re.escape("a.b*c"), re.subn("o", "0", "foo boo"))
print(re.compile(r"(\d+)-(\d+)").sub(r"\g<2>-\g<1>", "10-20 30-40"))
word = re.compile(r"[A-Za-z]+")
counts = {}
for w in word.findall("the cat and the hat and the bat"):
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()), re.I == re.IGNORECASE, repr(re.compile("a+", re.I)))
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)
