class C:
    a = 1
    def __init__(self): self.b = 2
c = C()
print(getattr(c, "a"), getattr(c, "b"), getattr(c, "zz", None))
setattr(c, "zz", 9)
print(c.zz, hasattr(c, "zz"), hasattr(c, "nope"))
delattr(c, "zz")
print(hasattr(c, "zz"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    C.nope
except AttributeError as e:
    print("AttributeError:", e)
setattr(C, "new_cls_attr", "x")
print(c.new_cls_attr, C.new_cls_attr)
print(sorted(c.__dict__.items()), c.__class__ is C, type(c) is C, type(C).__name__)
