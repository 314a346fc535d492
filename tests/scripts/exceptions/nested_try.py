def f():
    try:
        try:
            1 / 0
        except KeyError:
            print("wrong handler")
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
f()
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
except TypeError as e:
    print("got", e)
try:
    try:
        raise IndexError("x")
    finally:
        print("propagating")
except IndexError as e:
    print("outer", e)
