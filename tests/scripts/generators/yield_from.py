def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 2 for x in range(2)))))
def tree(n):
    if n == 0:
        yield "leaf"
        return
    yield f"node{n}"
    yield from tree(n - 1)
    yield from tree(n - 1)
print(list(tree(2)))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def relay():
    got = yield from echo()
    yield ("relay got", got)
def echo():
    x = yield "first"
    while x != "stop":
        x = yield "echo " + str(x)
    return "stopped"
r = relay()
print(next(r), r.send(1), r.send("two"), r.send("stop"))
try:
    yield_from_int = list(chain(5))
except TypeError as e:
    print("TypeError:", e)
