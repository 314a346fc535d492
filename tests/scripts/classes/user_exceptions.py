class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key
class Retry(AppError):
    def __init__(self, n, why="busy"):
        self.n = n
        self.why = why
    def __str__(self):
        return f"retry #{self.n}: {self.why}"
try:
    raise NotFound("x")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, repr(e))
try:
    raise Retry(3)
except Retry as e:
    print(e, e.args, e.n, repr(e))
print(issubclass(NotFound, Exception), isinstance(NotFound("k"), AppError))
e = AppError("a", 1)
print(e.args, str(e), repr(e))
print(str(AppError()), repr(AppError()))
try:
    raise AppError
except Exception as e:
    print(repr(e))
class WithDefault(ValueError):
    pass
try:
    int("zz")
except WithDefault:
    print("wrong")
except ValueError as e:
    print("ValueError", e)
try:
    raise WithDefault("w")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)
