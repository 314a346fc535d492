print("never printed")
match {"a": 1, "b": 1}:
    case {"a": same, "b": same}:
        pass
