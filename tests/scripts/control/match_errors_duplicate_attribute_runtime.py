class C:
    __match_args__ = ("a",)
    a = 1


match C():
    case C(x, a=y):
        print("never")
