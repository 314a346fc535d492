class HttpError(Exception):
    code = 500
    def __init__(self, msg, code=None):
        super().__init__(msg)
        if code is not None:
            self.code = code
    def describe(self):
        return f"{self.code} {self.args[0]}"
class NotFoundErr(HttpError):
    code = 404
errs = [HttpError("boom"), NotFoundErr("nope"), HttpError("teapot", 418)]
for e in errs:
    print(e.describe(), e.code, isinstance(e, HttpError))
try:
    raise errs[1]
except HttpError as e:
    print("caught", e.describe())
e = HttpError("x")
e.extra = [1]
print(e.extra, hasattr(e, "nothing"))
class NoArgs(Exception):
    def __init__(self):
        pass
n = NoArgs()
print(repr(n), n.args, str(n) == "")
class KwErr(Exception):
    def __init__(self, a, *, b):
        super().__init__(a, b)
print(KwErr(1, b=2).args)
