def gen(items):
    for x in items:
        yield 100 // x
def consume():
    return [v for v in gen([5, 2, 0])]
print(list(gen([1, 2])))
consume()
