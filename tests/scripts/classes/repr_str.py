class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x!r}, {self.y!r})"
class S(V):
    def __str__(self):
        return f"<{self.x}, {self.y}>"
v = V(1, "a")
s = S(2, 3)
print(v, repr(v), str(v))
print(s, repr(s), [s, v], f"{s} {s!r}")
print("%s %r" % (s, s))
class Plain: pass
r = repr(Plain())
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(str(Plain) , repr(V))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
