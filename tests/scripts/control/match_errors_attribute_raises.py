# Only AttributeError fails a class pattern; other errors propagate.
class C:
    @property
    def v(self):
        raise ValueError("broken property")


match C():
    case C(v=1):
        print("never")
