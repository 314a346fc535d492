import sys
v = sys.version_info
print(v[:2], v.major, v.minor, v >= (3, 8), v < (4,), v.releaselevel, len(v), isinstance(v, tuple))
major, minor, *rest = v
print(major, minor, len(rest), sys.getrecursionlimit() > 0)
