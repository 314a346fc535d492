import sys
sys.path.insert(0, "_modules")
import geometry
print(geometry.PI, geometry.dist2(geometry.Point(0, 0), geometry.Point(3, 4)))
print(geometry.__name__, geometry.__doc__)
print(geometry.Point(1, 2))
import geometry as geo
print(geo is geometry, geo.PI)
print(type(geometry).__name__)
