class A:
    x = 1
a = A()
try:
    a.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    A.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del a.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    None()
except TypeError as e:
    print("TypeError:", e)
try:
    a()
except TypeError as e:
    print("TypeError:", e)
try:
    a + a
except TypeError as e:
    print("TypeError:", e)
try:
    a < a
except TypeError as e:
    print("TypeError:", e)
try:
    -a
except TypeError as e:
    print("TypeError:", e)
