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
attempt("plus 350000", "x = " + "+".join(["1"] * 350000))
attempt("minus 100000", "x = " + "-" * 100000 + "1")
attempt("not 20000", "x = " + "not " * 20000 + "1")
attempt("pow 10000", "x = " + "**".join(["1"] * 10000))
attempt("ifexp 10000", "x = " + "1 if 1 else " * 10000 + "1")
attempt("lambda 5000", "x = " + "lambda: " * 5000 + "1")
attempt("attr 50000", "x = a" + ".b" * 50000)
attempt("subscript 50000", "x = a" + "[0]" * 50000)
attempt("call 50000", "x = f" + "()" * 50000)
attempt("parens 150", "x = " + "(" * 150 + "1" + ")" * 150)
attempt("parens 201", "x = " + "(" * 201 + "1" + ")" * 201)
attempt("lists 1000", "x = " + "[" * 1000 + "]" * 1000)
attempt("dicts 300", "x = " + "{1:" * 300 + "1" + "}" * 300)
attempt("indent 99", "".join(" " * i + "if 1:\n" for i in range(99)) + " " * 99 + "pass\n")
attempt("indent 100", "".join(" " * i + "if 1:\n" for i in range(100)) + " " * 100 + "pass\n")
attempt("and 100000", "x = " + " and ".join(["1"] * 100000))
attempt("compare 100000", "x = " + " < ".join(["1"] * 100000))
attempt("tuple 100000", "x = " + "1," * 100000)
attempt("string concat 100000", "x = " + " ".join(["'a'"] * 100000))
exec("x = " + "+".join(["1"] * 350000))
