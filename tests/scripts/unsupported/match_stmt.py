def describe(v):
    match v:
        case 0:
            return "zero"
        case _:
            return "other"
print(describe(0))
