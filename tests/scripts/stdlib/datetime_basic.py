# CPython's datetime (its pure-Python implementation over our time module):
# arithmetic, comparisons, formatting and parsing, time zones.
import datetime as dt

d = dt.date(2024, 2, 28)
print(d, d + dt.timedelta(days=2), d.isoformat(), d.weekday(), d.isoweekday(), d.strftime("%Y/%m/%d %A %b"), repr(d))
print(tuple(d.isocalendar()), d.isocalendar().week, d.ctime(), d.timetuple()[:3], dt.date(2024, 3, 1) - d, d.replace(day=1) < d, hash(d) == hash(dt.date(2024, 2, 28)))
t = dt.datetime(2023, 12, 31, 23, 59, 30, 123456)
print(t, t + dt.timedelta(seconds=45), repr(t), t.isoformat(), t.isoformat(sep=" ", timespec="minutes"))
print(dt.timedelta(days=1, hours=3, minutes=5) * 3, dt.timedelta(seconds=-1), repr(dt.timedelta(1, 2, 3)))
print(dt.timedelta(hours=36).total_seconds(), dt.timedelta(days=1) / dt.timedelta(hours=1), dt.timedelta(7) // 2, abs(dt.timedelta(-3)))
print(dt.datetime.fromisoformat("2021-05-06T07:08:09"), dt.date.fromordinal(738000), d.toordinal(), dt.date.fromisoformat("2020-12-31"))
print(t.strftime("%H:%M:%S.%f %j %U %p"), t - dt.datetime(2023, 1, 1), dt.datetime(2020, 1, 1) < t, t.date(), t.time())
tz = dt.timezone(dt.timedelta(hours=2), "X")
a = dt.datetime(2020, 5, 5, 12, tzinfo=tz)
print(a, a.utcoffset(), a.tzname(), a.astimezone(dt.timezone.utc), dt.timezone.utc, repr(tz), a.timestamp())
print(dt.datetime.fromtimestamp(1700000000, dt.timezone.utc), dt.datetime.utcfromtimestamp(86400 * 365))
print(dt.time(13, 5, 7), dt.time(1, 2).isoformat(), {d: 1}, d.replace(year=2000), dt.date.max, dt.datetime.min)
print(dt.datetime.strptime("2020-03-04 05:06", "%Y-%m-%d %H:%M"), f"{t:%d.%m.%Y}", format(d, ""), str(dt.time(1, 2, 3, 4)))
print(sorted([dt.date(2020, 1, 2), dt.date(2019, 5, 5), dt.date(2020, 1, 1)]), dt.MINYEAR, dt.MAXYEAR)
# (Only errors whose messages CPython's C _datetime and its Python datetime share.)
for bad in [lambda: dt.datetime.strptime("x", "%Y"), lambda: dt.date.fromisoformat("2020-1-1")]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
