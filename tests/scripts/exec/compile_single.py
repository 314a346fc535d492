# compile(..., "single") shows each expression statement's value with
# sys.displayhook (None is not shown) and keeps it in builtins._.
import builtins
import sys

exec(compile("1+2", "<s>", "single"))
exec(compile("x = 5", "<s>", "single"))
exec(compile("x", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("'abc'", "<s>", "single"))
exec(compile("[1, 'a', None]\n", "<s>", "single"))
print(builtins._)
exec(compile("for i in range(3): i * 10\n", "<s>", "single"))
exec(compile("if True:\n    'in if'\n    7\n", "<s>", "single"))
exec(compile("def f():\n    'not shown'\n    return 8\n", "<s>", "single"))
exec(compile("f()", "<s>", "single"))
ns = {}
exec(compile("y = 3", "<s>", "single"), ns)
exec(compile("y * 2", "<s>", "single"), ns)
print(ns["y"], builtins._)
exec(compile("z = 1; z + 1; None; z", "<s>", "single"))
for bad in ["1\n2", "a = 1\nb = 2\n"]:
    try:
        compile(bad, "<s>", "single")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
shown = []
sys.displayhook = shown.append
exec(compile("40 + 2", "<s>", "single"))
sys.displayhook = sys.__displayhook__
print(shown)
del sys.displayhook
try:
    exec(compile("1", "<s>", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__
sys.displayhook(None)
sys.displayhook("shown")
exec(compile("for i in range(30): i if i % 7 == 0 else None\n", "<s>", "single"))
