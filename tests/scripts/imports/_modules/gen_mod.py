def squares(n):
    for i in range(n):
        yield i * i
class Managed:
    def __enter__(self):
        return "managed"
    def __exit__(self, *a):
        return False
