class A:
    x = 1
    y = x + 1
print(A.y)
class B:
    z = undefined_in_class_body
