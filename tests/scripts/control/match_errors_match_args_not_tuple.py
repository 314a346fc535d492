class C:
    __match_args__ = ["a"]
    a = 1


match C():
    case C(a=1):
        print("keywords need no __match_args__")
match C():
    case C(1):
        print("never")
