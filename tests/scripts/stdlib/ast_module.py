# CPython's ast module on Tributary's _ast: ast.parse (compile(..., PyCF_ONLY_AST))
# over every statement and expression kind, dump/unparse round trips, positions,
# literal_eval, node constructors and visitors.
import ast
src = '''
import os, sys as s
from . import x
def f(a, b=1, *c, d, e=2, **g) -> int:
    """doc"""
    return a + b * -c[1:2]
class K(B, metaclass=M):
    x: int = 5
    async def m(self): await z
for i in range(3):
    if i and not j or k: continue
    else: break
else: pass
while x: del y
with open(p) as fh, q: pass
try: pass
except E as e: raise X from e
finally: assert x, "m"
lambda x: (yield)
t = [i for i in y if i], {1: 2, **d}, {a for a in b}, (g for g in h), {k: v for k, v in z}
f"a{b!r:>{w}}c"
x @= y; z = a if b else c; w = (v := 3)
global q
match p:
    case [1, *rest]: pass
    case {"k": v, **kw}: pass
    case Point(x=0) | None: pass
    case _ if x: pass
'''
tree = ast.parse(src)
print(ast.dump(tree, indent=1)[:3000])
print(ast.dump(ast.parse("1 + 2", mode="eval")))
print(ast.literal_eval("{'a': [1, 2.5, -3, (True, None)], 'b': b'x', 'c': 1+2j}"))
print(ast.unparse(tree))
for node in ast.walk(ast.parse("a.b(c)")):
    print(type(node).__name__, getattr(node, 'lineno', None), getattr(node, 'col_offset', None), getattr(node, 'end_col_offset', None))
n = ast.Name('x', ast.Load()); print(n.id, n._fields, ast.Constant(1).kind, ast.arg('a').annotation)
try: ast.Name(1,2,3)
except TypeError as e: print(e)
try: ast.parse("x = (")
except SyntaxError as e: print("SyntaxError", e.msg, e.lineno)
class V(ast.NodeVisitor):
    def visit_Name(self, node): print("name", node.id)
V().visit(ast.parse("a + b * c"))
t = ast.fix_missing_locations(ast.Expression(body=ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))
print(ast.dump(t, include_attributes=True))
print(ast.get_docstring(ast.parse('def f():\n  "hi"\n').body[0]))
print(isinstance(ast.Constant(3), ast.Num), ast.Load() == ast.Load())
