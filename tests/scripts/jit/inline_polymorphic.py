# One call site reaching different methods (and different plain functions):
# each recorded path inlines its own callee; a bridge for another receiver
# class must not join the region where the callee was decided (merging
# policies would otherwise run one class's inlined method on another's
# instance).

class A:
    def __init__(self, v):
        self.v = v

    def score(self):
        return self.v * 2


class B:
    def __init__(self, w):
        self.w = w

    def score(self):
        return self.w + 100


class C(A):
    def score(self):
        return -self.v


def f1(x):
    return x + 1


def f2(x):
    return x * 3


def main():
    objs = [A(1), B(2), C(3), A(4), B(5)]
    funcs = [f1, f2, f1]
    t = 0
    for i in range(3000):
        o = objs[i % 5]
        t += o.score()
        f = funcs[i % 3]
        t += f(i)
    print(t)


main()
