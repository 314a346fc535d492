class P:
    def __init__(self, x=0):
        self.x = x
print(P(x=3).x)
P(y=3)
