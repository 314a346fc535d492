# CPython's functools.py reached through the native functools' __getattr__:
# total_ordering, singledispatch; urllib.parse (which needs total_ordering).
import functools
@functools.total_ordering
class V:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return self.x < o.x
    def __repr__(self): return f"V({self.x})"
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)]), V.__le__.__module__ if hasattr(V.__le__, "__module__") else "")
@functools.singledispatch
def show(x): return "obj"
@show.register
def _(x: int): return "int"
print(show(1), show("a"))
from functools import partialmethod, reduce, partial
print(reduce(lambda a, b: a + b, [1, 2, 3]), partial(max, 1)(5))
try:
    functools.nothing
except AttributeError as e:
    print(e)
try:
    @functools.total_ordering
    class Bad: pass
except ValueError as e:
    print(e)
import urllib.parse
u = urllib.parse.urlparse("http://user@x.org:8080/p/a?q=1&r=2#frag")
print(u.netloc, u.port, u.path, urllib.parse.parse_qs(u.query), urllib.parse.quote("a b&c"), urllib.parse.urljoin("http://x.org/a/b", "../c"))
print(urllib.parse.urlencode({"k": "v w", "n": 1}), urllib.parse.unquote("a%20b"), urllib.parse.urlunparse(u))
