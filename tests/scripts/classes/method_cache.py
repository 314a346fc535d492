# Attribute lookups on classes are cached per (class, name); every change to a
# class, a base class or a method must show in the very next lookup, through
# instances, subclasses, bound methods and special methods.
class Base:
    def f(self):
        return "Base.f"

    def __len__(self):
        return 1


class Mid(Base):
    pass


class Leaf(Mid):
    pass


def shapes():
    return [Leaf().f(), Mid().f(), len(Leaf()), getattr(Leaf, "g", None)]


objs = [Leaf(), Mid(), Base()]
for round_ in range(4):
    print(round_, shapes(), [o.f() for o in objs])
    if round_ == 0:
        Mid.f = lambda self: "Mid.f"           # a subclass shadows its base
        Base.__len__ = lambda self: 2          # a special method changes
    elif round_ == 1:
        del Mid.f                              # the shadow goes: Base's again
        Base.f = lambda self: "Base.f2"        # and the base's changes
        setattr(Leaf, "g", 5)                  # a name that was missing appears
    elif round_ == 2:
        del Leaf.g                             # and disappears again
        Base.__len__ = lambda self: 3

# Many classes and names: more pairs than any cache has entries.
classes = []
def make_class(i):
    class C(Leaf):
        pass
    setattr(C, "v%d" % (i % 7), i)
    return C


for i in range(300):
    classes.append(make_class(i))
total = 0
for rnd in range(3):
    for i, C in enumerate(classes):
        total += getattr(C(), "v%d" % (i % 7)) + len(C())
        if rnd == 1 and i % 50 == 0:
            setattr(C, "v%d" % (i % 7), -i)
print(total, Leaf().f(), len(classes[0]()))

# A lookup on a class created after a failed lookup of the same name.
for i in range(3):
    class K:
        pass
    print(hasattr(K(), "x"), end=" ")
    K.x = i
    print(K().x, end=" | ")
print()

# A class's __dict__ is no way around setattr: writing to it changes nothing.
class D:
    x = 1


d = D.__dict__
try:
    d["x"] = 2
except TypeError:
    pass
print(D.x, D().x, D.__dict__["x"], "x" in D.__dict__, sorted(k for k in D.__dict__ if not k.startswith("__")))
D.y = 3
print(D.__dict__["y"], D().y)
