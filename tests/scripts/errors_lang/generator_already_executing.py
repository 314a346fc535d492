def g():
    yield me.send(None)
me = g()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(list(me))
def h():
    yield next(it2)
it2 = h()
next(it2)
