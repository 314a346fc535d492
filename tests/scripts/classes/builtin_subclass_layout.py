class A(list):
    pass


class B(dict):
    pass


print("defined")


class C(A, B):
    pass
