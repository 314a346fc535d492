# BaseExceptionGroup and ExceptionGroup (PEP 654): construction and its
# checks, message/exceptions, str/repr, split(), subgroup(), derive(),
# subclasses, notes, and the traceback module's rendering of a group.
import traceback

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
print(type(eg).__name__, eg.message, eg.exceptions, eg.args)
print(str(eg), repr(eg))
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), ExceptionGroup.__mro__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
print(str(ExceptionGroup("one", (KeyError("k"),))), ExceptionGroup("t", (ValueError(),)).exceptions)

for args in [("m",), ("m", []), (1, [ValueError()]), ("m", ValueError()), ("m", [1]), ("m", [ValueError()], 3),
             ("m", {ValueError()})]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    eg.message = "x"
except AttributeError as e:
    print("AttributeError:", e)

# split and subgroup
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(eg.split(Exception)[0] is eg, eg.split(Exception)[1], eg.split(KeyError))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError), eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1))
print(eg.split((TypeError, KeyError)))
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(nested.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner")))
try:
    eg.split(42)
except TypeError as e:
    print("TypeError:", e)

# metadata is copied onto the parts
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("with ctx", [ValueError(1), TypeError(2)]) from OSError("cause")
except ExceptionGroup as caught:
    caught.add_note("a note")
    m, r = caught.split(ValueError)
    print(repr(m.__cause__), repr(m.__context__), m.__traceback__ is caught.__traceback__, m.__notes__,
          m.__notes__ is caught.__notes__, r.__notes__)

# derive and subclasses
class MyGroup(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj

    def __init__(self, message, excs, code):
        super().__init__(message, excs)

    def derive(self, excs):
        return MyGroup(self.message, excs, self.code)


mg = MyGroup("mine", [ValueError(1), TypeError(2)], 42)
m, r = mg.split(ValueError)
print(type(m).__name__, m.code, repr(m), type(r).__name__, r.code, mg.args)
print(repr(eg.derive([KeyError(9)])), type(eg.derive([KeyboardInterrupt()])).__name__)


class PlainDerive(ExceptionGroup):
    pass


pd = PlainDerive("p", [ValueError(1), TypeError(2)])
print(type(pd).__name__, [type(x).__name__ for x in pd.split(ValueError)], isinstance(pd, ExceptionGroup))


class BaseGroup(BaseExceptionGroup):
    pass


print(type(BaseGroup("b", [ValueError()])).__name__, type(BaseGroup("b", [SystemExit()])).__name__)
try:
    PlainDerive("x", [SystemExit()])
except TypeError as e:
    print("TypeError:", e)

# add_note
e = ValueError("v")
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as err:
    print("TypeError:", err)


# The traceback module renders groups (CPython's own traceback.py).
def fail(n):
    raise ValueError(n)


def collect():
    errors = []
    for i in range(2):
        try:
            fail(i)
        except ValueError as err:
            errors.append(err)
    raise ExceptionGroup("collected", errors + [ExceptionGroup("nested", [TypeError("t")])])


try:
    collect()
except ExceptionGroup as g:
    text = "".join(traceback.format_exception(g))
    for line in text.splitlines():
        if "^^" not in line and "~~" not in line:  # (CPython's column carets)
            print(line.replace(__file__, "FILE").replace("exception_groups.py", "FILE").rstrip())
print(traceback.format_exception_only(eg))
for bad in (lambda: BaseExceptionGroup.__new__(int, "x", [ValueError()]), lambda: BaseExceptionGroup.__new__(),
            lambda: ExceptionGroup("x", [ValueError()]).split(None), lambda: ExceptionGroup("x", "ab")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


try:
    BadDerive("x", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)
