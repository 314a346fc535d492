# Dotted-name keys are compared at run time: ValueError for a repeated key.
class K:
    A = "a"
    B = "a"


match {"a": 1}:
    case {K.A: 1, "b": 2}:
        print("never")
    case {K.A: x}:
        print("x =", x)
match {"a": 1, "b": 2}:
    case {K.A: 1, K.B: 1}:
        print("never")
