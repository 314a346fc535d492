def check(v):
    match v:
        case [x] if 1 / x:
            return "nonzero"
        case _:
            return "other"


print(check([2]))
print(check("s"))
print(check([0]))
