class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
e = AppError(404, "not found")
print(e.args, e.code, str(e), repr(e))
class Plain(Exception):
    pass
print(str(Plain()), str(Plain("one")), Plain("a", "b").args)
raise AppError(500, "server")
