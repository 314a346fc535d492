# except* in hot loops: CHECK_EG_MATCH and PREP_RERAISE_STAR are recorded as
# residual calls, so the loops compile (no UnsupportedOpcode abort), and what
# the handlers see, re-raise and leave unhandled is CPython's.
# jit-expect: aborts.UnsupportedOpcode==0 loops>=3
import sys


def split_counts(n):
    total = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ExceptionGroup("g", [ValueError(i), TypeError(i), ValueError(-i)])
            elif i % 3 == 1:
                raise ValueError(i)
        except* ValueError as e:
            total += len(e.exceptions)
            assert sys.exc_info()[1] is e
        except* TypeError as e:
            total += 10 * len(e.exceptions)
    return total


def nested(n):
    out = []
    for i in range(n):
        try:
            try:
                raise ExceptionGroup("outer", [KeyError(i), OSError(i), ExceptionGroup("inner", [KeyError(-i)])])
            except* KeyError as e:
                out.append(sum(1 for _ in e.exceptions))
        except* OSError as e:
            out.append(-i)
    return out[-6:]


def reraise_unmatched(n):
    seen = []
    for i in range(n):
        try:
            try:
                raise ExceptionGroup("g", [ValueError(i), ZeroDivisionError(i)])
            except* ValueError:
                pass
        except ExceptionGroup as eg:
            seen.append((type(eg).__name__, [type(x).__name__ for x in eg.exceptions]))
    return seen[-1], len(seen)


def handler_raises(n):
    seen = []
    for i in range(n):
        try:
            try:
                raise ExceptionGroup("g", [ValueError(i)])
            except* ValueError:
                if i % 2:
                    raise RuntimeError(i)
                seen.append("handled")
        except* RuntimeError as eg:
            seen.append(repr(eg.exceptions[0]))
    return seen[-3:]


def bad_types(n):
    msgs = []
    for i in range(n):
        cls = (ValueError, ExceptionGroup, int)[i % 3]
        try:
            try:
                raise ExceptionGroup("g", [ValueError(i)])
            except* cls:
                msgs.append("caught")
        except Exception as e:
            msgs.append(f"{type(e).__name__}: {e}")
    return msgs[-3:]


def naked(n):
    total = 0
    for i in range(n):
        try:
            raise KeyError(i)
        except* KeyError as e:
            total += isinstance(e, ExceptionGroup) + len(e.exceptions)
    return total


print(split_counts(200))
print(nested(60))
print(reraise_unmatched(60))
print(handler_raises(60))
print(bad_types(60))
print(naked(100))
