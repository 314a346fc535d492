# A method's closure reaches a function's variable through the class body:
# it sees the variable's current binding, not a copy taken at class creation.
def in_loop():
    classes = []
    for i in range(3):
        class E:
            def m(self):
                return i
        classes.append(E)
    return classes


print([E().m() for E in in_loop()])


def rebound_later():
    i = 5

    class E:
        def m(self):
            return i

    i = 6
    return E


print(rebound_later()().m())


def class_shadows():
    x = 1

    class C:
        x = 2
        y = x

        def m(self):
            return x

    x = 3
    return C


C = class_shadows()
print(C.x, C.y, C().m())


def class_reads_too():
    v = "outer"

    class C:
        seen = v

        def m(self):
            return v

    v = "changed"
    return C


C = class_reads_too()
print(C.seen, C().m())


def nested_classes():
    n = 1

    class A:
        class B:
            def m(self):
                return n, __class__.__name__

    n = 2
    return A


print(nested_classes().B().m())


def with_super():
    tag = "t1"

    class Base:
        def who(self):
            return "base"

    class D(Base):
        def who(self):
            return super().who() + ":" + tag

    tag = "t2"
    return D


print(with_super()().who())


def counter():
    count = 0

    class K:
        def bump(self):
            nonlocal count
            count += 1
            return count

    return K


K = counter()
k = K()
print(k.bump(), k.bump(), K().bump())
