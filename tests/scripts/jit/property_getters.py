# Property getters inlined into the trace (record_attr.cpp): the getter runs
# as an inlined call whose result is the attribute. Exits inside it (a type
# change, a raise) finish the LOAD_ATTR as the interpreter would; a class
# change (a property replaced, a setter added, the getter's class attribute
# rebound) invalidates the code; getters that cannot be inlined (generators,
# no getter, a property subclass, recursion) stay residual.


class P:
    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        return self._x * 2

    @property
    def checked(self):
        if self._x % 97 == 0:
            raise ValueError("bad %d" % self._x)
        return self._x

    @property
    def kind(self):
        if self._x % 3 == 0:
            return "three"
        if self._x % 5 == 0:
            return 5.5
        return None

    @property
    def nested(self):
        return self.x + self.checked_or_zero

    @property
    def checked_or_zero(self):
        try:
            return self.checked
        except ValueError:
            return 0

    @property
    def missing(self):
        return self.nope


class Q(P):
    @property
    def x(self):
        return -self._x


class LoggedProperty(property):
    pass


class R:
    def __init__(self, x):
        self._x = x

    @LoggedProperty
    def x(self):
        return self._x + 1

    y = property()

    @property
    def me(self):
        return self


def getters(n):
    total = 0
    errors = 0
    kinds = {}
    for i in range(n):
        p = P(i)
        total += p.x
        try:
            total += p.checked
        except ValueError as e:
            errors += 1
            last = str(e)
        k = p.kind
        kinds[repr(k)] = kinds.get(repr(k), 0) + 1
        total += p.nested
    return total, errors, last, sorted(kinds.items())


def mixed_classes(n):
    total = 0
    objs = [P(1), Q(2), P(3), Q(4)]
    for i in range(n):
        total += objs[i % 4].x
    return total


def subclass_and_missing(n):
    out = []
    r = R(5)
    for i in range(n):
        out.append(r.x)
        if r.me is not r:
            out.append("identity lost")
        try:
            r.y
        except AttributeError as e:
            if i == n - 1:
                out.append(str(e))
        try:
            P(i).missing
        except AttributeError as e:
            if i == n - 1:
                out.append(str(e))
    return sum(x for x in out if isinstance(x, int)), [x for x in out if isinstance(x, str)]


def replaced(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            P.x = property(lambda self: 1000)
        total += P(i).x
    return total


print(getters(3000))
print(mixed_classes(2000))
print(subclass_and_missing(300))
print(replaced(2000))
