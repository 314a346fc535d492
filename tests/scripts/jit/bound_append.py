# A bound `lst.append` held in a variable and called (`w = out.append; w(x)`,
# as generated template code does) is recorded as the list_append helper,
# guarded: a bound builtin, list.append's function, an exact list as self.
# The variable changing to another list's append, to another builtin's bound
# method, to a list subclass's append or to a Python function must each be
# called as the interpreter would.


class MyList(list):
    def append(self, x):
        list.append(self, ("mine", x))


def collect(n):
    out = []
    other = []
    sub = MyList()
    w = out.append
    seen = set()
    log = []
    for i in range(n):
        if i == n // 2:
            w = other.append
        elif i == n // 2 + 10:
            w = seen.add
        elif i == n // 2 + 20:
            w = sub.append
        elif i == n // 2 + 30:
            w = log.append
        elif i == n // 2 + 40:
            w = lambda x: log.append(-x)
        w(i * 2)
    return len(out), out[:3], other[:3], sorted(seen)[:3], sub[:2], log[:3], log[-3:], len(log)


def render(n):
    _out = []
    _w = _out.append
    for i in range(n):
        _w("<li>")
        _w(str(i))
        _w("</li>")
    return len("".join(_out))


print(collect(3000))
print(render(3000))
