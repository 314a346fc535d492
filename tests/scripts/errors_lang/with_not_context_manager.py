class Half:
    def __enter__(self):
        return self
try:
    with Half():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
with 42:
    pass
