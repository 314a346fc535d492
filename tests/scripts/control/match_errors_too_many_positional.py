# TypeError at run time: the class accepts fewer positional sub-patterns.
class C:
    pass


class P:
    __match_args__ = ("x",)
    x = 1


match P():
    case P(1):
        print("P(1) matched")
match C():
    case C():
        print("C() matched")
    case C(1):
        print("never")
match P():
    case P(a, b):
        print("never")
