def gen_with_default(n, start=100, *, step=1):
    for i in range(n):
        yield start + i * step
print(list(gen_with_default(3)), list(gen_with_default(3, step=10)), list(gen_with_default(2, 0)))
def gen_varargs(*args, **kw):
    yield from args
    yield from sorted(kw)
print(list(gen_varargs(1, 2, b=1, a=2)))
try:
    gen_with_default()
except TypeError as e:
    print("TypeError:", e)
def yield_expr_values():
    a = (yield)
    b = (yield a)
    yield a, b
y = yield_expr_values()
print(next(y), y.send("A"), y.send("B"))
