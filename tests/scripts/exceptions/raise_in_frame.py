# Raises handled in the frame that raises them (the interpreter unwinds them
# without leaving the frame): context chaining, `from`, bare re-raise,
# raising what is not an exception, in loops.
def chain():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise ValueError("v")
        except ValueError as e:
            return type(e.__context__).__name__, e.__cause__, e.__suppress_context__


def cause():
    try:
        try:
            raise KeyError("inner")
        except KeyError as k:
            raise RuntimeError("outer") from k
    except RuntimeError as e:
        return type(e.__cause__).__name__, e.__suppress_context__, str(e)


def none_cause():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise RuntimeError("outer") from None
    except RuntimeError as e:
        return e.__cause__, e.__suppress_context__, type(e.__context__).__name__


def reraise():
    try:
        try:
            raise IndexError("i")
        except IndexError:
            raise
    except IndexError as e:
        return str(e)


def not_exception():
    out = []
    for bad in (5, "x", int, None):
        try:
            raise bad
        except TypeError as e:
            out.append(str(e))
    return out


def loop(n):
    caught = 0
    for i in range(n):
        try:
            if i % 3:
                raise ValueError(i)
            raise KeyError
        except ValueError as e:
            caught += e.args[0]
        except KeyError:
            caught -= 1
        finally:
            caught += 1000
    return caught


print(chain())
print(cause())
print(none_cause())
print(reraise())
print(not_exception())
print(loop(3000))
try:
    raise ZeroDivisionError("at top")
except ZeroDivisionError as e:
    print(repr(e), e.__context__)
