import sys
sys.path.insert(0, "_modules")
from geometry import Point, dist2 as d2, PI
print(Point(1, 1), d2(Point(0, 0), Point(1, 1)), PI)
from geometry import _private
print(_private)
try:
    from geometry import nope
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
