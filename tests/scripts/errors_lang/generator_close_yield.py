def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("caught exit")
        yield 2
s = stubborn()
next(s)
s.close()
