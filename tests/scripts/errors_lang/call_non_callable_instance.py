class F:
    def __call__(self, x):
        return x + 1
class G:
    pass
print(F()(1), callable(F()), callable(G()))
G()(1)
