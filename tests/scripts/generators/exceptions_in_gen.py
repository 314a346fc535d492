def risky(items):
    for x in items:
        if x < 0:
            raise ValueError(f"negative: {x}")
        yield x
try:
    for v in risky([1, 2, -1, 3]):
        print(v)
except ValueError as e:
    print("ValueError:", e)
def guarded(items):
    for x in items:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "div0"
print(list(guarded([1, 0, 5])))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
print(list(fin()))
g = fin()
for v in g:
    print("first", v)
    break
g.close()
print("after break")
