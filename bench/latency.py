#!/usr/bin/env python3
"""Compile latency per code generator (Python 3 standard library only).

Runs every bench workload once per configuration (a backend, and for MIR each
optimization level) with --jit-stats and reads its "compilations": one entry
per code generation with the low-level IR's size, its blocks and the
generator's time.  Prints Markdown: per configuration the median, p90 and
maximum latency (µs) over the whole suite and the total, then the median
latency per size class (LIR instructions), so the growth with region size
shows.

Usage: python3 bench/latency.py [--tributary build/tributary] [--scale 0.3]
                                [--configs lsra,asmjit,mir:1,mir:2] [WORKLOAD...]
A configuration is BACKEND or BACKEND:LEVEL (MIR's mir_level).  Its time is
the backend's alone (lowering and optimizer excluded); under `tiered` both
tiers' compilations are listed, by generator.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = [(0, 100), (100, 300), (300, 1000), (1000, 3000), (3000, 10000), (10000, 10 ** 9)]


def workloads(names):
    skip = {"run.py", "latency.py", "gen_branches.py"}
    found = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f not in skip)
    return [w for w in found if not names or w in names]


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def run(tributary, config, workload, scale):
    backend, _, level = config.partition(":")
    fd, path = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    argv = [tributary, "--backend=" + backend, "--jit-stats=json:" + path]
    if level:
        argv += ["--jit-param", "mir_level=" + level]
    argv += [os.path.join(HERE, workload + ".py"), "--scale=%s" % scale]
    try:
        p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
        if p.returncode != 0:
            print("%s under %s failed: %s" % (workload, config, p.stderr.decode().strip()[-200:]), file=sys.stderr)
            return []
        with open(path) as f:
            return json.load(f)["compilations"]
    finally:
        os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tributary", default=os.path.join(HERE, "..", "build", "tributary"))
    ap.add_argument("--scale", default="0.3")
    ap.add_argument("--configs", default="lsra,asmjit,mir:0,mir:1,mir:2,mir:3")
    ap.add_argument("workloads", nargs="*")
    args = ap.parse_args()
    rows = {}  # (config, generator) -> [(lir, blocks, us)]
    for config in args.configs.split(","):
        for w in workloads(args.workloads):
            for lir, blocks, us, gen in run(args.tributary, config, w, args.scale):
                label = config if gen == config.partition(":")[0] else "%s (%s tier)" % (config, gen)
                rows.setdefault(label, []).append((lir, blocks, us))
    print("| generator | compilations | median µs | p90 µs | max µs | total ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, xs in rows.items():
        us = [x[2] for x in xs]
        print("| %s | %d | %.0f | %.0f | %.0f | %.1f |" % (label, len(us), statistics.median(us), percentile(us, 90),
                                                         max(us), sum(us) / 1000.0))
    print()
    print("Median µs by size (LIR instructions; compilations in parentheses):")
    print()
    print("| generator | " + " | ".join("%d-%s" % (lo, hi if hi < 10 ** 9 else "") for lo, hi in SIZES) + " |")
    print("|---|" + "---:|" * len(SIZES))
    for label, xs in rows.items():
        cells = []
        for lo, hi in SIZES:
            us = [x[2] for x in xs if lo <= x[0] < hi]
            cells.append("%.0f (%d)" % (statistics.median(us), len(us)) if us else "")
        print("| %s | %s |" % (label, " | ".join(cells)))


if __name__ == "__main__":
    main()
