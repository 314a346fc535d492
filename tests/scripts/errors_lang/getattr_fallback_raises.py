class Lazy:
    def __getattr__(self, name):
        if name.startswith("lazy_"):
            return name[5:].upper()
        raise AttributeError(f"no {name} here")
z = Lazy()
print(z.lazy_value, hasattr(z, "other"))
z.other
