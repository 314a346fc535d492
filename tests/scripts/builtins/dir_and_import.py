# dir() and __import__().
class Base:
    shared = 0

    def method(self):
        return 1


class Child(Base):
    def other(self):
        def inner():
            pass
        local = 3
        return dir()


c = Child()
c.mine = 5
print([n for n in dir(c) if not n.startswith("__")], "shared" in dir(Child), c.other())
print([n for n in dir([]) if not n.startswith("_")], "__len__" in dir({}), "keys" in dir(dict))


class Custom:
    def __dir__(self):
        return ["zeta", "alpha"]


print(dir(Custom()))
os_path = __import__("os.path", fromlist=["join"])
print(os_path.__name__, __import__("math").sqrt(16.0), __import__("os.path").__name__)
mod = __import__("math", globals(), None, [], 0)
print(mod.floor(2.5), __import__(name="math").pi > 3)
try:
    __import__("no_such_module_here")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
