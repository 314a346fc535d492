# gc over the Boehm collector: collect, enable/disable, thresholds, flags;
# a collection keeps live objects and weak references to the dead go.
import gc
import weakref


class Node:
    pass


a = Node()
a.self = a
r = weakref.ref(a)
print(isinstance(gc.collect(), int), gc.isenabled(), r() is a)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold(), len(gc.get_count()), gc.DEBUG_LEAK, gc.garbage, gc.callbacks)
gc.set_threshold(800, 20)
print(gc.get_threshold()[:2], gc.is_tracked([]), gc.is_tracked(3), gc.is_tracked("s"), gc.get_debug())
for bad in (lambda: gc.collect(5), lambda: gc.set_threshold(), lambda: gc.isenabled(1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
