print("never printed")
match 1:
    case int() as _:
        pass
