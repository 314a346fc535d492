# _warnings on its own (warnings.py not imported): its filters, registries and
# the format it prints warnings in.
import sys
import _warnings


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


def run(fn):
    cap = Capture()
    old, sys.stderr = sys.stderr, cap
    try:
        fn()
    finally:
        sys.stderr = old
    text = "".join(cap.parts)
    print(repr(text.replace(__file__, "<this file>")))


run(lambda: _warnings.warn("plain"))                                # UserWarning, with its source line
run(lambda: _warnings.warn("deprecated here", DeprecationWarning))  # shown: from __main__
run(lambda: _warnings.warn("pending", PendingDeprecationWarning))   # ignored
run(lambda: _warnings.warn("plain"))                                # "default": once per location
run(lambda: _warnings.warn_explicit("explicit", RuntimeWarning, "nofile.py", 7))
run(lambda: _warnings.warn_explicit("in lib", DeprecationWarning, "lib.py", 7, module="lib"))
_warnings.filters.insert(0, ("error", None, RuntimeWarning, None, 0))
_warnings._filters_mutated()
try:
    _warnings.warn("now an error", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", repr(e))
del _warnings.filters[0]
_warnings._filters_mutated()
_warnings.filters.insert(0, ("once", None, UserWarning, None, 0))
_warnings._filters_mutated()
for i in range(3):
    run(lambda: _warnings.warn("once only"))
print(_warnings._onceregistry)
print(sorted(repr(k) for k in __warningregistry__))
