def apply(f, *args):
    return f(*args)
def double(x):
    return 2 * x
print(apply(double, 21), apply(max, 3, 9, 2), apply(len, "abc"))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
for name in ["add", "mul"]:
    print(name, ops[name](6, 7))
funcs = [double, abs, str]
print([f(-4) for f in funcs])
alias = double
print(alias(5), alias is double)
