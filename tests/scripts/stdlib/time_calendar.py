# time's calendar functions: struct_time, gmtime, mktime round trips,
# strftime/asctime/ctime formatting, strptime (CPython's _strptime), errors.
import time

t = time.gmtime(1700000000)
print(t)
print(t.tm_year, t.tm_yday, t[0], t[-1], len(t), tuple(t), t[1:3], t.tm_zone, t.tm_gmtoff)
print(type(t).__name__, type(t).__module__, isinstance(t, tuple), t == tuple(t))
print(time.gmtime(0), time.gmtime(-86400.5)[:6], time.gmtime(1e9).tm_wday)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %p %%", t))
print(time.asctime(t), time.asctime((2020, 1, 5, 3, 4, 5, 6, 5, 0)), repr(time.strftime("", t)))
print(time.strftime("%Y", (2000, 0, 0, 0, 0, 0, 0, 0, 0)))
s = time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0))
print(s, s.tm_zone, time.struct_time((2001, 2, 3, 4, 5, 6, 5, 34, 0, "UTC", 0)).tm_zone)
lt = time.localtime(1234567890)
print(time.mktime(lt), time.localtime(time.mktime(lt)) == lt, len(time.localtime()), type(time.ctime()).__name__)
print(time.strptime("2020-03-04 05:06:07", "%Y-%m-%d %H:%M:%S")[:6], time.strptime("30 Nov 00", "%d %b %y").tm_year)
print(isinstance(time.timezone, int), isinstance(time.daylight, int), len(time.tzname))
for bad in [lambda: time.struct_time((1, 2)), lambda: time.struct_time(range(12)), lambda: time.strftime(1),
            lambda: time.strftime("%Y", (1, 2)), lambda: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0)),
            lambda: time.strftime("%Y", (2000, 1, 1, 24, 0, 0, 0, 1, 0)), lambda: time.gmtime("x"),
            lambda: time.asctime(5), lambda: time.gmtime(float("nan")), lambda: time.mktime((1, 2)),
            lambda: time.strptime("x", "%Y")]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
