class A:
    def __init__(self):
        return None
print(type(A()).__name__)
class B:
    def __init__(self):
        return 5
B()
