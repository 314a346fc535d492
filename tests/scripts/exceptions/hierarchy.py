def catch(exc, cls):
    try:
        raise exc
    except cls:
        return "caught by " + str(cls)
    except BaseException:
        return "not caught by " + str(cls)
print(catch(ZeroDivisionError("x"), ArithmeticError))
print(catch(OverflowError("x"), ArithmeticError))
print(catch(KeyError("x"), LookupError))
print(catch(IndexError("x"), LookupError))
print(catch(UnboundLocalError("x"), NameError))
print(catch(RecursionError("x"), RuntimeError))
print(catch(NotImplementedError("x"), RuntimeError))
print(catch(ValueError("x"), Exception))
print(catch(KeyError("x"), ValueError))
print(catch(StopIteration(), Exception))
print(catch(AssertionError(), Exception))
print(isinstance(KeyError("k"), LookupError), isinstance(ValueError(), TypeError))
