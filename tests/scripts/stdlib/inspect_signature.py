# CPython's inspect: signature() of functions, methods, classes (object's
# __text_signature__ through ast), binding, docstrings, getfullargspec, source lines.
import inspect
def f(a, b=2, *args, c, d=4, **kw) -> int:
    "doc of f"
    return a
def g(x, /, y: str = "s"): pass
class K:
    def m(self, q, r=1): pass
    @classmethod
    def cm(cls, z): pass
    @staticmethod
    def sm(w=None): pass
    @property
    def p(self): return 1
sig = inspect.signature(f)
print(sig)
print(list(sig.parameters), sig.return_annotation)
for p in sig.parameters.values():
    print(p.name, p.kind, p.default is inspect.Parameter.empty, p.kind.description)
print(inspect.signature(g))
print(inspect.signature(K.m), inspect.signature(K().m), inspect.signature(K.cm), inspect.signature(K.sm))
print(inspect.signature(K))
print(sig.bind(1, c=3).arguments)
ba = sig.bind(1, 2, 3, 4, c=5, e=6); ba.apply_defaults(); print(ba.arguments)
try:
    sig.bind()
except TypeError as e:
    print("TypeError", e)
print(inspect.isfunction(f), inspect.isclass(K), inspect.ismethod(K().m), inspect.isroutine(len))
print(inspect.getdoc(f), inspect.getmembers(K, inspect.isfunction)[0][0])
print(inspect.getfullargspec(f))
def gen(): yield 1
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()))
print(inspect.getmodule(f).__name__)
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=3))
print(inspect.cleandoc("""  a
    b
  c"""))
print(inspect.unwrap(f) is f)
lines, start = inspect.getsourcelines(f)
print(start, lines[0].rstrip())
print(inspect.getsource(K.m).strip())
