# A region recompiled while its machine code is running further up the stack
# (re._compiler._compile is recursive: a nested call takes one of its exits,
# whose batched bridges then compiled): the outer activation, back in its old
# code, later took an exit whose restore table the new code had rewritten,
# and its `for` loop resumed with an opcode constant as its iterator
# ("'_NamedIntConstant' object is not an iterator", from the 11th pattern on
# under the merging policies at eager thresholds). A running region is now
# recompiled only once it is idle.
import re

for i in range(30):
    p = re.compile(r"[x-z]+%d" % i)
for i in range(30):
    q = re.compile(r"(a|b)*?c%d" % i)
print(p.pattern, p.match("xy29") is not None, q.match("abac29") is not None)
print(sum(1 for i in range(40) if re.compile(r"a{%d}b" % (i % 7)).fullmatch("a" * (i % 7) + "b")))
