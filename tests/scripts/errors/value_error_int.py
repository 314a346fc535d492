def parse(items):
    return [int(s) for s in items]
print(parse(["1", "2"]))
print(parse(["3", "four"]))
