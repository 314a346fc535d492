# __debug__ is True (no -O), a builtin; no binding, deletion, parameter,
# import name, attribute or keyword may name it (SyntaxError at compile time).
import builtins

print(__debug__, type(__debug__).__name__, builtins.__debug__)
if __debug__:
    print("debug on")
print("__debug__" in dir(builtins))


def check(src):
    try:
        compile(src, "<test>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno, repr(src))


for src in [
    "__debug__ = 1",
    "del __debug__",
    "def f(__debug__): pass",
    "def f(*, __debug__=1): pass",
    "def f(*__debug__): pass",
    "def f(**__debug__): pass",
    "lambda __debug__: 1",
    "for __debug__ in []: pass",
    "import x as __debug__",
    "import __debug__",
    "from x import __debug__",
    "from x import y as __debug__",
    "x.__debug__ = 1",
    "del x.__debug__",
    "f(__debug__=1)",
    "class C(__debug__=1): pass",
    "class C:\n    __debug__ = 1",
    "with a as __debug__: pass",
    "(__debug__, x) = 1, 2",
    "[x, *__debug__] = 1, 2",
    "__debug__ += 1",
    "def __debug__(): pass",
    "class __debug__: pass",
    "try:\n    pass\nexcept E as __debug__:\n    pass",
    "[1 for __debug__ in x]",
    "(__debug__ := 1)",
    "x = 1\n__debug__: int = 2",
    # reading it is fine, and so is an attribute load
    "print(__debug__, x.__debug__)",
    "f(**{'__debug__': 1})",
]:
    check(src)
