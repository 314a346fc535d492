# Argument errors of the coroutine and async generator methods and awaitables.


async def f():
    pass


async def g():
    yield


def gen():
    yield


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (TypeError, RuntimeError) as e:
        print(label, type(e).__name__, e)


c = f()
attempt("send()", lambda: c.send())
attempt("send(1, 2)", lambda: c.send(1, 2))
attempt("throw()", lambda: c.throw())
attempt("throw(4 args)", lambda: c.throw(ValueError, 1, None, 4))
attempt("throw(int)", lambda: c.throw(5))
attempt("wrapper send()", lambda: c.__await__().send())
c.close()
a = g()
attempt("asend()", lambda: a.asend())
attempt("athrow() is created", lambda: a.athrow())
attempt("athrow().send(None)", lambda: a.athrow().send(None))
attempt("athrow(4 args)", lambda: g().athrow(1, 2, 3, 4).send(None))
attempt("asend.send()", lambda: a.asend(None).send())
attempt("athrow.send()", lambda: a.athrow(ValueError).send())
attempt("aclose.send(1)", lambda: g().aclose().send(1))
attempt("anext_awaitable.send()", lambda: anext(g(), 1).send())
attempt("gen throw(4 args)", lambda: gen().throw(1, 2, 3, 4))
attempt("aiter()", lambda: aiter())
attempt("anext(5)", lambda: anext(5))
attempt("anext()", lambda: anext())
attempt("anext(3 args)", lambda: anext(1, 2, 3))
attempt("aiter(2 args)", lambda: aiter(1, 2))
