#!/usr/bin/env python3
"""import_times.py — what `import X` costs in Tributary against CPython 3.11.

For each module, the CPU time (user + sys, median of --runs runs) of a whole
process running `-c 'import X'` minus that of `-c 'pass'`, for:
  cached  Tributary with a warm code cache (a private $XDG_CACHE_HOME, warmed first)
  cold    Tributary with TRIBUTARY_NO_CACHE=1 (every module compiled from source)
  cpy     /usr/bin/python3 -S with its .pyc files
  cpy-cold  /usr/bin/python3 -S compiling from source (an empty PYTHONPYCACHEPREFIX)
CPython's startup already imports abc, codecs, io and encodings (frozen), so
those cost it nothing here. Prints one row per module and the ratios.

usage: tools/import_times.py [--tributary build/tributary] [--runs 9] [MODULE ...]
"""
import argparse
import os
import statistics
import subprocess
import tempfile

MODULES = ("abc os re enum typing dataclasses random collections functools json datetime "
           "decimal fractions statistics argparse pathlib subprocess textwrap string copy pprint "
           "heapq bisect contextlib logging unittest").split()


def cpu_time(cmd, env):
    """CPU seconds (user + sys) of one run of cmd."""
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execve(cmd[0], cmd, env)
    _, status, ru = os.wait4(pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({status})")
    return ru.ru_utime + ru.ru_stime


def median_ms(cmd, env, runs):
    return 1000 * statistics.median(cpu_time(cmd, env) for _ in range(runs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tributary", default="build/tributary")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("modules", nargs="*", default=MODULES)
    args = ap.parse_args()
    trib = os.path.abspath(args.tributary)
    cache = tempfile.mkdtemp(prefix="tributary-import-times-")
    pycache = tempfile.mkdtemp(prefix="cpython-pycache-")
    base = dict(os.environ)
    configs = {
        "cached": ([trib], dict(base, XDG_CACHE_HOME=cache)),
        "cold": ([trib], dict(base, TRIBUTARY_NO_CACHE="1")),
        "cpy": (["/usr/bin/python3", "-S"], base),
        "cpy-cold": (["/usr/bin/python3", "-S"], dict(base, PYTHONPYCACHEPREFIX=pycache, PYTHONDONTWRITEBYTECODE="1")),
    }
    for m in args.modules:  # warm Tributary's cache
        cpu_time([trib, "-c", f"import {m}"], configs["cached"][1])
    empty = {k: median_ms(c + ["-c", "pass"], e, args.runs) for k, (c, e) in configs.items()}
    print("startup (ms): " + ", ".join(f"{k} {v:.1f}" for k, v in empty.items()))
    print(f"{'module':<12} {'cached':>7} {'cold':>7} {'cpy':>7} {'cpy-cold':>8} {'cached/cpy':>10} {'cold/cpy-cold':>13}")
    for m in args.modules:
        t = {k: median_ms(c + ["-c", f"import {m}"], e, args.runs) - empty[k] for k, (c, e) in configs.items()}
        r1 = t["cached"] / t["cpy"] if t["cpy"] > 0.3 else float("inf")
        r2 = t["cold"] / t["cpy-cold"] if t["cpy-cold"] > 0.3 else float("inf")
        print(f"{m:<12} {t['cached']:7.1f} {t['cold']:7.1f} {t['cpy']:7.1f} {t['cpy-cold']:8.1f} {r1:10.1f} {r2:13.1f}",
              flush=True)


if __name__ == "__main__":
    main()
