from collections import namedtuple
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p), list(p))
x, y = p
print(x, y, p == (1, 2), p != (1, 3), p < Point(1, 3), hash(p) == hash((1, 2)), isinstance(p, tuple))
print(p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields, Point.__name__, repr(Point))
print(p + (3,), (0,) + p, p * 2, p.count(1), p.index(2), sorted([Point(2, 1), Point(1, 2)]), max(Point(1, 9), Point(2, 0)))
Color = namedtuple('Color', ['red', 'green', 'blue'])
print(Color(255, 0, 128), Color._fields, {Color(1, 2, 3): 'c'}[(1, 2, 3)])
Rec = namedtuple('Rec', 'a, b c', defaults=[0, None])
print(Rec(1), Rec(1, 2, 3), Rec._field_defaults)
E = namedtuple('E', '')
print(E(), len(E()))
pts = [Point(i, i * i) for i in range(4)]
print(pts, sum(pt.y for pt in pts), [pt.x for pt in pts if pt.y > 1])
d = {p: 'origin-ish'}
print(d[Point(1, 2)], d[(1, 2)])
