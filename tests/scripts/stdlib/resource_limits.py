# resource: getrusage's struct_rusage, getrlimit/setrlimit round trips,
# getpagesize, and the errors.
import resource

ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, len(ru), ru.ru_utime >= 0, ru.ru_maxrss > 0, ru[0] == ru.ru_utime, isinstance(ru.ru_stime, float))
print(type(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime).__name__)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(soft > 0, hard == resource.RLIM_INFINITY or soft <= hard)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
core = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, core[1]))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
print(resource.getpagesize() % 4096 == 0, resource.RLIM_INFINITY, resource.error is OSError)
for bad in (lambda: resource.getrlimit(999), lambda: resource.getrusage(42), lambda: resource.setrlimit(resource.RLIMIT_CORE, (1,)),
            lambda: resource.setrlimit(resource.RLIMIT_CORE, 5)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    resource.setrlimit(resource.RLIMIT_CORE, (1.5, 2))
except TypeError as e:
    print("TypeError", e)
