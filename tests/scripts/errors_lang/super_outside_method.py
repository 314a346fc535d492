class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B>" + super().f()
print(B().f())
def loose():
    return super().f()
loose()
