from collections import OrderedDict
od = OrderedDict()
od['b'] = 1; od['a'] = 2; od['c'] = 3
print(od, list(od), od['a'], len(od))
od.move_to_end('b'); print(od)
od.move_to_end('c', last=False); print(od)
print(od.popitem(), od, od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([('x', 1), ('y', 2)]), OrderedDict(a=1))
x = OrderedDict([(1, 'a'), (2, 'b')]); y = OrderedDict([(2, 'b'), (1, 'a')])
print(x == y, x == dict(y), dict(x) == dict(y), isinstance(x, dict))
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
c = x.copy(); print(type(c).__name__, c)
