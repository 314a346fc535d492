#!/usr/bin/env python3
"""Differential fuzzing of Tributary against CPython with programs from gen.py.

    python3 tests/fuzz/run.py [-n 100] [--start 0] [-j 2] [--timeout 10]
                              [--tributary build/tributary] [--out /tmp/fuzz-failures]
                              [--modes off,cfg,...] [--campaign SECONDS] [FILE.py ...]

Each program (gen.py's program for seeds start .. start+n-1, or the files
given on the command line) runs once under CPython (the interpreter running
this script, or --python) and once per Tributary mode:

    off                  --jit=off
    none diamond generalize cap:2 adaptive cfg
                         --jit=on --merge=POLICY with eager thresholds
                         (--jit-param threshold=2,function_threshold=3,trace_eagerness=2)

A mode *differs* when its stdout, its exit status or its last non-empty
stderr line is not CPython's; a timeout or a death by signal always differs.
Tributary runs with TRIBUTARY_JIT_STRICT=1, so a trace the JIT's verifier
refuses is a failure too.  Timeouts count CPU seconds (RLIMIT_CPU), with a wall-clock backstop, so a
loaded machine does not turn slow runs into failures.
Programs CPython itself fails on or times out on are discarded (and counted).
Each differing program is written to the output directory as seed_N.py
(or the file's name) with seed_N.txt listing the failing modes, their
command lines and the expected vs actual output.  --campaign SECONDS keeps
generating seeds from --start until the time is up.  The summary gives, per
mode, the programs run and the differences by kind; the exit status is 1 when
anything differed.
"""
import argparse
import concurrent.futures
import difflib
import math
import os
import resource
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen  # noqa: E402

EAGER = "--jit-param threshold=2,function_threshold=3,trace_eagerness=2"
POLICIES = ["none", "diamond", "generalize", "cap:2", "adaptive", "cfg"]
MODES = {"off": ["--jit=off"]}
MODES.update({p: ["--jit=on", "--merge=" + p] + EAGER.split() for p in POLICIES})
WALL_FACTOR = 6
# A trace the JIT's verifier refuses aborts the run instead of running interpreted.
STRICT_ENV = dict(os.environ, TRIBUTARY_JIT_STRICT="1")
DEFAULT_TRIBUTARY = os.path.join(HERE, "..", "..", "build", "tributary")


class Outcome:
    """What one run printed and how it ended."""

    def __init__(self, stdout, status, last, timed_out=False):
        self.stdout = stdout
        self.status = status    # exit status; negative: killed by that signal
        self.last = last        # last non-empty stderr line
        self.timed_out = timed_out

    def same_as(self, other):
        return (not self.timed_out and self.stdout == other.stdout
                and self.status == other.status and self.last == other.last)

    def kind(self, expected):
        """A short label of how this outcome differs from `expected`."""
        if self.timed_out:
            return "timeout"
        if self.status < 0:
            return "signal %d" % -self.status
        if self.status != expected.status or self.last != expected.last:
            return "exit %d: %s" % (self.status, self.last[:80])
        return "stdout"


def limit_cpu(seconds):
    """A preexec_fn capping the child's CPU time (SIGXCPU, then SIGKILL)."""
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    return apply


def run_one(cmd, timeout, env=None, retries=3):
    """Run `cmd` with a limit of `timeout` CPU seconds (and a wall-clock backstop
    of WALL_FACTOR times that, since the machine may be shared); retry briefly
    if the binary is missing (it is being rebuilt)."""
    for attempt in range(retries + 1):
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=timeout * WALL_FACTOR,
                               preexec_fn=limit_cpu(int(math.ceil(timeout))), env=env)
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode("utf-8", "replace")
            return Outcome(out, -signal.SIGKILL, "", timed_out=True)
        except OSError:
            if attempt == retries:
                raise
            time.sleep(5)
            continue
        if p.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            return Outcome(p.stdout.decode("utf-8", "replace"), p.returncode, "", timed_out=True)
        err = [line for line in p.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
        return Outcome(p.stdout.decode("utf-8", "replace"), p.returncode, err[-1] if err else "")


def check_program(name, text, args):
    """Run one program everywhere; return (name, text, None) if CPython failed,
    else (name, text, {mode: (Outcome, expected)}) for all modes run."""
    path = os.path.join(args.work, name + ".py")
    with open(path, "w") as f:
        f.write(text)
    try:
        expected = run_one([args.python, path], args.py_timeout)
        if expected.timed_out or expected.status != 0:
            return name, text, None
        results = {}
        for mode in args.modes:
            got = run_one([args.tributary] + MODES[mode] + [path], args.timeout, STRICT_ENV)
            results[mode] = (got, expected)
        return name, text, results
    finally:
        os.unlink(path)


def describe(name, text, failing, args):
    """Write the failing program and a report of its differing modes."""
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, name + ".py"), "w") as f:
        f.write(text)
    lines = ["failing modes: " + " ".join(failing), ""]
    for mode, (got, expected) in failing.items():
        lines.append("== %s: %s %s %s.py  -> %s" % (mode, args.tributary, " ".join(MODES[mode]),
                                                    name, got.kind(expected)))
        lines.append("   exit %d (expected %d), last stderr: %r (expected %r)"
                     % (got.status, expected.status, got.last, expected.last))
        diff = list(difflib.unified_diff(expected.stdout.splitlines(), got.stdout.splitlines(),
                                         "cpython", mode, lineterm="", n=1))
        lines += ["   " + d for d in diff[:40]] + [""]
    with open(os.path.join(args.out, name + ".txt"), "w") as f:
        f.write("\n".join(lines) + "\n")


def jobs(args):
    """Yield (name, text) of the programs to run, lazily."""
    if args.files:
        for path in args.files:
            with open(path) as f:
                yield os.path.splitext(os.path.basename(path))[0], f.read()
        return
    seed = args.start
    deadline = time.time() + args.campaign if args.campaign else None
    while (deadline and time.time() < deadline) or (not deadline and seed < args.start + args.n):
        yield "seed_%d" % seed, gen.generate(seed)
        seed += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", help="run these programs instead of generated ones")
    ap.add_argument("-n", type=int, default=100, help="number of seeds (default 100)")
    ap.add_argument("--start", type=int, default=0, help="first seed (default 0)")
    ap.add_argument("--campaign", type=float, metavar="SECONDS",
                    help="keep generating seeds until SECONDS have passed")
    ap.add_argument("-j", type=int, default=2, help="programs run in parallel (default 2)")
    ap.add_argument("--timeout", type=float, default=5,
                    help="CPU seconds per Tributary run (wall clock: %d times that)" % WALL_FACTOR)
    ap.add_argument("--py-timeout", type=float, default=5, help="CPU seconds per CPython run")
    ap.add_argument("--tributary", default=DEFAULT_TRIBUTARY)
    ap.add_argument("--python", default=sys.executable, help="reference CPython 3.11")
    ap.add_argument("--out", default="/tmp/fuzz-failures", help="where failing programs go")
    ap.add_argument("--modes", default=",".join(MODES),
                    help="comma-separated subset of: " + ", ".join(MODES))
    ap.add_argument("-q", "--quiet", action="store_true", help="no line per failing program")
    args = ap.parse_args()
    args.modes = args.modes.split(",")
    for m in args.modes:
        if m not in MODES:
            ap.error("unknown mode %r" % m)
    args.tributary = os.path.abspath(args.tributary)
    args.work = os.path.join(args.out, ".work")
    os.makedirs(args.work, exist_ok=True)

    ran, discarded, failed_programs = 0, 0, 0
    per_mode = {m: {"ran": 0, "diff": 0, "kinds": {}} for m in args.modes}
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        pending = set()
        source = jobs(args)
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < 2 * args.j:
                try:
                    name, text = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.add(pool.submit(check_program, name, text, args))
            if not pending:
                break
            done, pending = concurrent.futures.wait(pending, return_when="FIRST_COMPLETED")
            for fut in done:
                name, text, results = fut.result()
                if results is None:
                    discarded += 1
                    continue
                ran += 1
                if ran % 50 == 0 and not args.quiet:
                    print("... %d programs, %d with differences, %.0f s"
                          % (ran, failed_programs, time.time() - start), flush=True)
                failing = {}
                for mode, (got, expected) in results.items():
                    per_mode[mode]["ran"] += 1
                    if not got.same_as(expected):
                        kind = got.kind(expected)
                        per_mode[mode]["diff"] += 1
                        per_mode[mode]["kinds"][kind] = per_mode[mode]["kinds"].get(kind, 0) + 1
                        failing[mode] = (got, expected)
                if failing:
                    failed_programs += 1
                    describe(name, text, failing, args)
                    if not args.quiet:
                        print("DIFF %s: %s" % (name, ", ".join(
                            "%s(%s)" % (m, g.kind(e)) for m, (g, e) in failing.items())), flush=True)
    os.rmdir(args.work)

    print("\n%d programs run, %d discarded (CPython failed or timed out), %d with differences, %.0f s"
          % (ran, discarded, failed_programs, time.time() - start))
    print("%-11s %8s %6s  kinds" % ("mode", "programs", "diffs"))
    for mode in args.modes:
        pm = per_mode[mode]
        kinds = ", ".join("%s x%d" % (k, n) for k, n in sorted(pm["kinds"].items(), key=lambda kv: -kv[1]))
        print("%-11s %8d %6d  %s" % (mode, pm["ran"], pm["diff"], kinds))
    if failed_programs:
        print("failing programs written to %s" % args.out)
    # One line for tools/test.sh: program x mode runs that matched CPython, and not.
    diffs = sum(per_mode[m]["diff"] for m in args.modes)
    print("%d passed, %d failed" % (sum(per_mode[m]["ran"] for m in args.modes) - diffs, diffs))
    return 1 if failed_programs else 0


if __name__ == "__main__":
    sys.exit(main())
