def make_counter_class(start):
    class Counter:
        initial = start
        def __init__(self):
            self.v = start
        def inc(self):
            self.v += 1
            return self.v
    return Counter
C5 = make_counter_class(5)
C10 = make_counter_class(10)
a, b = C5(), C10()
print(a.inc(), a.inc(), b.inc(), C5.initial, C10.initial, C5 is C10)
x = 100
class UsesGlobal:
    y = x + 1
    z = [y * i for i in range(3)] if False else None
    def get(self):
        return x
print(UsesGlobal.y, UsesGlobal().get())
class Body:
    items = []
    for i in range(3):
        items.append(i * i)
    total = sum(items)
    del i
print(Body.items, Body.total, hasattr(Body, "i"))
