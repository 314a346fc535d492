class RO:
    def __getitem__(self, k):
        return k
r = RO()
print(r["a"])
r["a"] = 1
