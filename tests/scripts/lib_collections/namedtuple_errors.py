from collections import namedtuple
P = namedtuple('P', 'x y', defaults=[2])
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: P())
attempt(lambda: P(1, 2, 3))
attempt(lambda: P(1, z=3))
attempt(lambda: P(1, x=2))
attempt(lambda: namedtuple('1x', 'a'))
attempt(lambda: namedtuple('A', 'class'))
attempt(lambda: namedtuple('A', '_a'))
attempt(lambda: namedtuple('A', 'a a'))
attempt(lambda: namedtuple('A', 'a', defaults=[1, 2]))
attempt(lambda: P(1)._replace(z=1))
attempt(lambda: P._make([1]))
attempt(lambda: P._make([1, 2, 3]))
print(namedtuple('R', 'a b a class', rename=True)._fields)
