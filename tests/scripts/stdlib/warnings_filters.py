# warnings: filters, actions, registries, catch_warnings, stacklevel, errors.
import sys
import warnings
import _warnings

print(warnings.filters is _warnings.filters, warnings.defaultaction, warnings.onceregistry is _warnings._onceregistry)
for f in warnings.filters:
    print(f)
print(sorted(k for k in dir(_warnings) if not k.startswith("__")))


def show(w):
    for m in w:
        print(" ", m.category.__name__, str(m.message), m.lineno > 0, m.filename == __file__)


def emit(text, category=UserWarning, stacklevel=1):
    warnings.warn(text, category, stacklevel=stacklevel)


# Every action under record=True.
for action in ("default", "always", "once", "module", "ignore"):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter(action)
        for i in range(3):
            emit("same text")
        emit("other text")
        print(action, len(w))
        show(w)

# The error action turns the warning into an exception.
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("boom", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)
    try:
        warnings.warn(DeprecationWarning("instance"))
    except DeprecationWarning as e:
        print("raised", type(e).__name__, e)

# filterwarnings: message regex (case-insensitive, anchored at the start), category, module, lineno.
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("error", message=".*fatal")
    warnings.warn("SKIP me")
    warnings.warn("keep me, skip")
    warnings.warn("old", DeprecationWarning)
    warnings.warn("old pending", PendingDeprecationWarning)
    try:
        warnings.warn("this is fatal")
    except UserWarning as e:
        print("error filter", e)
    show(w)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", module="__ma")
    warnings.warn("module prefix matched")
    warnings.filterwarnings("ignore", module="other")
    warnings.resetwarnings()
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", lineno=sys._getframe().f_lineno + 1)
    warnings.warn("on the ignored line")
    warnings.warn("on another line")
    show(w)

# Category subclasses match their base's filter.
class MyWarning(UserWarning):
    pass

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("ignore")
    warnings.simplefilter("always", UserWarning)
    warnings.warn("mine", MyWarning)
    warnings.warn("bytes", BytesWarning)
    show(w)

# stacklevel names the caller's line.
def deprecated_api():
    warnings.warn("api is old", DeprecationWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    line = sys._getframe().f_lineno + 1
    deprecated_api()
    print("stacklevel 2 line ok:", w[0].lineno == line, w[0].filename == __file__)
    warnings.warn("far out", stacklevel=50)
    print("beyond the stack:", w[1].filename, w[1].lineno)

# The default filters: DeprecationWarning shown in __main__, ignored elsewhere.
with warnings.catch_warnings(record=True) as w:
    warnings.warn("main deprecation", DeprecationWarning)
    warnings.warn("pending", PendingDeprecationWarning)
    warnings.warn_explicit("elsewhere", DeprecationWarning, "lib.py", 3, module="lib")
    warnings.warn_explicit("explicit", UserWarning, "lib.py", 4)
    show(w)

# __warningregistry__ and the "default" action (once per location).
reg = {}
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("default")
    for _ in range(2):
        warnings.warn_explicit("reg", UserWarning, "f.py", 1, registry=reg)
    print(len(w), sorted((k if isinstance(k, str) else (k[0], k[1].__name__) + k[2:]) for k in reg if k != "version"))
    warnings.simplefilter("default")  # mutating the filters resets registries
    warnings.warn_explicit("reg", UserWarning, "f.py", 1, registry=reg)
    print(len(w))

# Printed warnings go to stderr in CPython's format; stdout shows what was formatted.
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "x = 1"), end="")
import io
buf = io.StringIO()
old = sys.stderr
sys.stderr = buf
try:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("to stderr")
finally:
    sys.stderr = old
print(repr(buf.getvalue().split(": ", 1)[1]))

# Bad arguments.
for bad in (lambda: warnings.warn("x", int), lambda: warnings.warn("x", 5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=5)
except TypeError as e:
    print("TypeError", e)
with warnings.catch_warnings():
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        warnings.warn("x")
    except RuntimeError as e:
        print("RuntimeError", str(e).splitlines()[0])
print(len(warnings.filters))
