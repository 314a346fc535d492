# zoneinfo (the system's tz database through CPython's pure-Python zoneinfo),
# sysconfig and pydoc importing (sys.platlibdir, sys.abiflags).
import zoneinfo, datetime, sysconfig, sys
z = zoneinfo.ZoneInfo("Europe/Paris")
print(datetime.datetime(2024, 7, 1, 12, tzinfo=z), datetime.datetime(2024, 1, 1, 12, tzinfo=z).utcoffset())
print(datetime.datetime(2024, 3, 31, 0, 30, tzinfo=datetime.timezone.utc).astimezone(z))
print(z.key, str(z), datetime.datetime(2024, 10, 27, 1, 30, tzinfo=zoneinfo.ZoneInfo("UTC")).astimezone(z).tzname())
print(sysconfig.get_python_version(), sys.platlibdir, repr(sys.abiflags))
import pydoc
print(pydoc.getdoc(len) is not None)
