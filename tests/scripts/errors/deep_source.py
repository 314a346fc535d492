# Source nested too deeply to compile ends in RecursionError or MemoryError (as
# CPython's compiler and parser), never a crash; long flat lines compile in
# linear time.


def attempt(label, src):
    try:
        exec(src, {})
        print(label, "ok")
    except (RecursionError, MemoryError, SyntaxError) as e:
        print(label, type(e).__name__, e.args[0] if e.args else "")


attempt("plus 1000", "x = " + "+".join(["1"] * 1000))
attempt("plus 20000", "x = " + "+".join(["1"] * 20000))
attempt("minus 20000", "x = " + "-" * 20000 + "1")
attempt("not 20000", "x = " + "not " * 20000 + "1")
attempt("pow 10000", "x = " + "**".join(["1"] * 10000))
attempt("ifexp 10000", "x = " + "1 if 1 else " * 10000 + "1")
attempt("lambda 5000", "x = " + "lambda: " * 5000 + "1")
attempt("attr 20000", "x = a" + ".b" * 20000)
attempt("subscript 20000", "x = a" + "[0]" * 20000)
attempt("call 20000", "x = f" + "()" * 20000)
attempt("parens 150", "x = " + "(" * 150 + "1" + ")" * 150)
attempt("parens 201", "x = " + "(" * 201 + "1" + ")" * 201)
attempt("lists 1000", "x = " + "[" * 1000 + "]" * 1000)
attempt("dicts 300", "x = " + "{1:" * 300 + "1" + "}" * 300)
attempt("indent 99", "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "pass\n")
attempt("indent 100", "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "pass\n")
attempt("and 20000", "x = " + " and ".join(["1"] * 20000))
attempt("compare 20000", "x = " + " < ".join(["1"] * 20000))
attempt("tuple 20000", "x = " + "1," * 20000)
attempt("string concat 20000", "x = " + " ".join(["'a'"] * 20000))
exec("x = " + "+".join(["1"] * 5000))
