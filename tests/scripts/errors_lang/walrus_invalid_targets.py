# Assignment expressions that CPython's parser and symbol table reject.
sources = [
    "(a.b := 1)",
    "(a[0] := 1)",
    "((a, b) := 1)",
    "(True := 1)",
    "(__debug__ := 1)",
    "[i := 0 for i in range(3)]",
    "[(j := i) for i in range(3) for j in range(2)]",
    "[i for i in range(3) if (i := 1)]",
    "[[(i := 1) for k in range(2)] for i in range(3)]",
    "[x for x in (y := [1])]",
    "[x for x in range(2) for z in (y := [1])]",
    "{x: 1 for x in (y := [1])}",
    "class C: [(z := 1) for q in range(2)]",
    "class C:\n    (z := 1)",
    "x := 1",
    "def f(): (x := 1)",
    "(lambda: (x := 1))",
    "f(a := 1)",
    "[(y := i) for i in range(3)]",
    "[x for x in [(y := 1) for q in range(2)]]",
    "def g():\n    [(t := n) for n in range(3)]\n    return t",
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
        print("ok:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", repr(src), "->", e.msg)
ns = {}
exec("def g():\n    [(t := n) for n in range(3)]\n    return t\nr = g()", ns)
print(ns["r"])
