# os.stat/lstat (stat_result with float times as attributes), sys._getframe
# frames (f_back, f_code, f_lineno, f_globals) and code.co_positions, as
# logging and traceback read them (positions without columns).
import os
import stat
import sys

s = os.stat(__file__)
print(type(s).__name__, len(s), stat.S_ISREG(s.st_mode), s.st_size == s[6], isinstance(s.st_mtime, float))
print(s.st_mtime_ns // 10**9 == s[8], abs(s.st_mtime - s.st_mtime_ns / 1e9) < 1e-3, isinstance(s.st_blksize, int))
print(stat.S_ISDIR(os.stat(".").st_mode), os.lstat(".").st_mode == os.stat(".").st_mode, repr(s)[:23])
try:
    os.stat("/nonexistent/x")
except FileNotFoundError as e:
    print(e.errno, e.filename, e)


def inner():
    # (Tributary's frames are snapshots: f_lineno is the line of the _getframe call.)
    f = sys._getframe(); return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno, sys._getframe(1).f_code.co_name


def outer():
    return inner()


print(outer(), sys._getframe().f_globals is globals(), sys._getframe().f_back)
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError", e)
positions = list(outer.__code__.co_positions())
print(len(positions) > 0, len(positions[0]))
