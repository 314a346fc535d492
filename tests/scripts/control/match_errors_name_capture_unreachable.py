# A capture that is not the last case makes the rest unreachable: SyntaxError before anything runs.
print("never printed")


def f(v):
    match v:
        case x:
            return x
        case 1:
            return 1
