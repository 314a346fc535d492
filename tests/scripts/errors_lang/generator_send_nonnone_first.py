def echo():
    while True:
        x = yield
        print("got", x)
e = echo()
e.send(None)
e.send(5)
e2 = echo()
e2.send(7)
