src = """
class Generated:
    def __init__(self, v):
        self.v = v
    def double(self):
        return self.v * 2
def gen_items(n):
    for i in range(n):
        yield Generated(i).double()
"""
ns = {}
exec(src, ns)
print(list(ns["gen_items"](4)), ns["Generated"].__name__, ns["Generated"].__module__)
exec("import math\nroot = math.sqrt(16)", ns)
print(ns["root"])
