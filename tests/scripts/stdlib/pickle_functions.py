# Functions pickle by reference: builtins and module functions by their
# __module__ and name, bound builtin methods as getattr(self, name),
# functools.partial by its __reduce__/__setstate__; copy of them too.
import copy
import functools
import math
import pickle


def local():
    return "local"


class K:
    def m(self):
        return 1


for f in (len, math.sqrt, print, local, K, K.m, max):
    g = pickle.loads(pickle.dumps(f))
    print(g is f, getattr(g, "__module__", None))
lst = [3, 1, 2]
app = pickle.loads(pickle.dumps(lst.append))
app(4)
print(app.__self__, app.__name__, math.sqrt.__module__, len.__module__, [].append.__module__)
p = functools.partial(max, 1, key=abs)
for q in (pickle.loads(pickle.dumps(p)), copy.deepcopy(p), copy.copy(p)):
    print(type(q).__name__, q(-5, 3), q.args, sorted(q.keywords), q.func is max)
print(len.__reduce__(), math.sqrt.__reduce__(), [].append.__reduce__()[1][1])
