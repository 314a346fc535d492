# gc: collect(), enable/disable/isenabled, thresholds, debug flags and
# callbacks. (collect()'s count is not compared: Tributary's collector does not
# count what it frees.)
import gc


def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))


print(isinstance(gc.collect(), int), isinstance(gc.collect(0), int), isinstance(gc.collect(generation=1), int))
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
# memory is still reclaimed while disabled: allocate a lot
gc.disable()
total = 0
for i in range(200000):
    total += len([i, i, i])
gc.enable()
print(total)

print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5, 6)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
print(gc.get_debug())
gc.set_debug(0)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.garbage, type(gc.callbacks).__name__, len(gc.get_count()))
gc.freeze()
gc.unfreeze()
print(gc.get_freeze_count())

phases = []


def cb(phase, info):
    phases.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print(phases)

# a cycle of objects goes away without error
class Node:
    pass


for i in range(1000):
    a, b = Node(), Node()
    a.other, b.other = b, a
gc.collect()

show(lambda: gc.collect(3))
show(lambda: gc.collect(-1))
show(lambda: gc.collect("x"))
show(lambda: gc.collect(1.0))
show(lambda: gc.collect(1, 2))
show(lambda: gc.enable(1))
show(lambda: gc.disable(1))
show(lambda: gc.isenabled(1))
show(lambda: gc.set_threshold())
show(lambda: gc.set_threshold(1, 2, 3, 4))
show(lambda: gc.set_threshold("a"))
show(lambda: gc.set_threshold(1.5))
show(lambda: gc.set_debug())
show(lambda: gc.get_threshold(1))
print(gc.get_threshold())
