class P:
    def __init__(self):
        self.z = 1
        self.a = 2
p = P()
print(p.__dict__)
p.m = 3
print(p.__dict__, list(vars(p)))
del p.a
print(p.__dict__)
p.a = 9
print(p.__dict__)
q = P()
print(q.__dict__)
