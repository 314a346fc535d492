class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(L(3)), bool(L(0)))
try:
    len(L(-1))
except ValueError as e:
    print("ValueError:", e)
len(L("x"))
