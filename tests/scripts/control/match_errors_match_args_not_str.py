class C:
    __match_args__ = (1,)


match C():
    case C(_):
        print("never")
