import math
for deg in [0, 30, 45, 60, 90, 180, 270]:
    r = math.radians(deg)
    print(deg, round(math.sin(r), 12), round(math.cos(r), 12))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(1), math.cos(1), math.tan(1))
print(math.atan(1), math.atan(0), math.atan(-1e10), math.atan(math.inf))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(0.0, 1), math.atan2(1, 0))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1), math.hypot(0, 0))
