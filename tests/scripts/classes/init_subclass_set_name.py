class Plugin:
    plugins = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Plugin.plugins.append((cls.__name__, kw))
class P1(Plugin): pass
class P2(Plugin, tag="two"): pass
print(Plugin.plugins)
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.name, Model.b.owner)
try:
    class Q(tag=1): pass
except TypeError as e:
    print("TypeError:", e)
