#!/usr/bin/env python3
"""Differential script test runner for Tributary.

Runs every tests/scripts/**/X.py with the Tributary binary (once per mode)
and compares against the expectation files written by regen_expected.py:

  X.out  exact expected stdout
  X.err  (only when the exit status is non-zero) two lines:
           exit: N
           last: <last non-empty stderr line>          (exact match)
         or
           last-prefix: <prefix>                        (startswith match)

Usage:
  python3 tests/run_scripts.py --tributary BUILD/tributary \
      [--mode NAME=ARGS ...] [-j N] [--timeout S] [--list] [--verbose] \
      [paths/filters...]

Each mode is NAME=ARGS where ARGS are extra CLI arguments (shell-split)
inserted before the script path. Default: interp=--jit=off.
Positional arguments are files/directories (given as paths, or relative to
tests/scripts, e.g. "ints" or "errors/key_error.py"), or otherwise substrings
matched against the script path relative to tests/scripts.  Stdlib only, Python 3.9 compatible.
Every run has TRIBUTARY_JIT_STRICT=1 in its environment: a trace the JIT's
verifier refuses aborts the run (a JIT bug) instead of running interpreted.

JIT shape expectations: a script may carry lines of the form

  # jit-expect: loops>=1 bridges==0 aborts==0 aborts.InnerLoop==1

Each whitespace-separated condition is KEY OP NUMBER with OP one of
== != >= <= > <.  KEY is a top-level key of the --jit-stats JSON (loops,
functions, bridges, guards, side_exits, ...), "aborts" (the sum over all
abort reasons), "aborts.REASON" (one reason, e.g. aborts.TypeUnstable) or
"ops.NAME" (IR ops NAME in the live machine code, e.g. ops.CALL; not checked
in modes with --jit-disable or --backend=tiered, nor allocations_removed and
materialized with --jit-disable, nor are "compiles*", "demoted", "short_loops",
"allocations_removed" and "materialized" under
--backend=tiered, whose promotions recompile) or
"calls_by_helper.NAME" (residual calls to one helper in recorded traces, e.g.
calls_by_helper.get_attr; 0 when none).
Several jit-expect lines accumulate.  A line "# jit-expect[diamond,generalize]:"
applies only under those merge policies ("[none]": the pure tracing baseline
only); a plain "# jit-expect:" line applies under every policy.  A mode
without --merge= runs the binary's default policy.
Conditions are checked only in modes
whose arguments contain --jit=on: the runner then adds
--jit-stats=json:<tempfile> before the script path and reports a failing
condition as "FAIL [mode] path: jit-expect loops>=1 (got 0)".  Other modes
ignore them.  The counts depend on the JIT parameters of the mode, so shape
scripts state the parameters they were calibrated for (tests/scripts/jit_shape
uses --jit-param threshold=2,function_threshold=3,trace_eagerness=2).  A script
whose shape needs other parameters (the defaults, say) names them in a line
"# jit-params: name=value,...": in --jit=on modes they are passed after the
mode's own (a later --jit-param overrides an earlier one).
"""
import argparse
import concurrent.futures
import difflib
import json
import operator
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.join(HERE, "scripts")
DEFAULT_MODES = ["interp=--jit=off"]
DIFF_LINES = 30


JIT_EXPECT_PREFIX = "# jit-expect:"
JIT_EXPECT_OPS = {
    "==": operator.eq, "!=": operator.ne, ">=": operator.ge,
    "<=": operator.le, ">": operator.gt, "<": operator.lt,
}
JIT_EXPECT_RE = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)"
    r"(==|!=|>=|<=|>|<)(-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)$")


def find_scripts(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        # Folders starting with "_" hold helper modules, not tests.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("_"))
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                out.append(os.path.join(dirpath, fn))
    return out


def select_scripts(selectors):
    all_scripts = find_scripts(SCRIPTS_DIR)
    if not selectors:
        return all_scripts
    chosen = []
    seen = set()

    def add(p):
        p = os.path.abspath(p)
        if p not in seen:
            seen.add(p)
            chosen.append(p)

    for sel in selectors:
        in_tree = os.path.join(SCRIPTS_DIR, sel)
        # A directory of the cwd with no scripts in it (e.g. "jit", the JIT's
        # source directory, from the repository root) falls through to
        # tests/scripts/SEL.
        if os.path.isdir(sel) and find_scripts(sel):
            for p in find_scripts(sel):
                add(p)
        elif os.path.isfile(sel) and sel.endswith(".py"):
            add(sel)
        elif os.path.isdir(in_tree):
            for p in find_scripts(in_tree):
                add(p)
        elif os.path.isfile(in_tree) and sel.endswith(".py"):
            add(in_tree)
        else:
            matched = False
            for p in all_scripts:
                if sel in os.path.relpath(p, SCRIPTS_DIR):
                    add(p)
                    matched = True
            if not matched:
                print("warning: selector %r matched no script" % sel,
                      file=sys.stderr)
    return chosen


def parse_mode(text):
    if "=" not in text:
        raise argparse.ArgumentTypeError(
            "mode must be NAME=ARGS, got %r" % text)
    name, args = text.split("=", 1)
    if not name:
        raise argparse.ArgumentTypeError("empty mode name in %r" % text)
    return (name, shlex.split(args))


def read_expectation(script):
    base = script[:-3]
    exp_out = None
    if os.path.exists(base + ".out"):
        with open(base + ".out", "rb") as f:
            exp_out = f.read()
    exp_exit = 0
    exp_last = None
    exp_prefix = None
    if os.path.exists(base + ".err"):
        with open(base + ".err", "r", encoding="utf-8") as f:
            for line in f.read().splitlines():
                if line.startswith("exit:"):
                    exp_exit = int(line[5:].strip())
                elif line.startswith("last-prefix:"):
                    exp_prefix = line[len("last-prefix:"):].strip()
                elif line.startswith("last:"):
                    exp_last = line[5:].strip()
    return exp_out, exp_exit, exp_last, exp_prefix


JIT_EXPECT_POLICY_RE = re.compile(r"^# jit-expect\[([a-z0-9:,]+)\]:")


DEFAULT_POLICY = ["none"]


def read_default_policy(tributary):
    """The binary's default merge policy, from the "(default: X)" of its --help."""
    try:
        text = subprocess.run([tributary, "--help"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return "none"
    m = re.search(r"--merge=POLICY.*?\(default: ([a-z0-9:]+)\)", text)
    return m.group(1) if m else "none"


def mode_policy(extra):
    """The merge policy a mode's arguments select (the binary's default if none)."""
    for arg in extra:
        if arg.startswith("--merge="):
            return arg[len("--merge="):]
    return DEFAULT_POLICY[0]


def read_jit_expect(script, policy="none"):
    """Returns (conditions, errors) from the script's jit-expect lines that
    apply under `policy`; each condition is (text, key, op, number)."""
    conds = []
    errors = []
    with open(script, "r", encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            m = JIT_EXPECT_POLICY_RE.match(line)
            if m:
                if policy not in m.group(1).split(","):
                    continue
                body = line[m.end():]
            elif line.startswith(JIT_EXPECT_PREFIX):
                body = line[len(JIT_EXPECT_PREFIX):]
            else:
                continue
            for tok in body.split():
                m = JIT_EXPECT_RE.match(tok)
                if not m:
                    errors.append("bad jit-expect condition %r" % tok)
                    continue
                num = float(m.group(3))
                if num == int(num):
                    num = int(num)
                conds.append((tok, m.group(1), m.group(2), num))
    return conds, errors


def stat_value(stats, key):
    """The number for KEY in the --jit-stats JSON, or None if unknown."""
    aborts = stats.get("aborts")
    if key == "aborts":
        if not isinstance(aborts, dict):
            return None
        return sum(aborts.values())
    if key.startswith("aborts."):
        if not isinstance(aborts, dict):
            return None
        return aborts.get(key[len("aborts."):])
    if "." in key:
        # DICT.NAME: one entry of a per-name table (calls_by_helper.get_attr); a
        # name missing from a present table counts 0.
        table, name = key.split(".", 1)
        entries = stats.get(table)
        if not isinstance(entries, dict):
            return None
        return entries.get(name, 0)
    v = stats.get(key)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return v


def check_jit_expect(conds, stats_path):
    """Returns a list of failure reasons."""
    try:
        with open(stats_path, "r", encoding="utf-8") as f:
            text = f.read()
        stats = json.loads(text)
    except (OSError, ValueError) as e:
        return ["jit-expect: cannot read --jit-stats output (%s)" % e]
    if not isinstance(stats, dict):
        return ["jit-expect: --jit-stats output is not a JSON object"]
    reasons = []
    for text, key, op, num in conds:
        got = stat_value(stats, key)
        if got is None:
            reasons.append("jit-expect %s (no such statistic)" % text)
        elif not JIT_EXPECT_OPS[op](got, num):
            reasons.append("jit-expect %s (got %s)" % (text, got))
    return reasons


def last_nonempty_line(data):
    text = data.decode("utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.strip()
    return ""


def make_diff(expected, actual, relpath):
    exp = expected.decode("utf-8", errors="replace").splitlines(True)
    act = actual.decode("utf-8", errors="replace").splitlines(True)
    lines = list(difflib.unified_diff(exp, act, "expected/" + relpath,
                                      "actual/" + relpath))
    out = []
    for ln in lines[:DIFF_LINES]:
        out.append(ln if ln.endswith("\n") else ln + "\n")
    if len(lines) > DIFF_LINES:
        out.append("... (%d more diff lines)\n" % (len(lines) - DIFF_LINES))
    return "".join(out)


# A trace the JIT's verifier refuses is a JIT bug: in tests it is fatal (the
# binary prints the trace and aborts) instead of quietly running interpreted.
STRICT_ENV = dict(os.environ, TRIBUTARY_JIT_STRICT="1")


JIT_PARAMS_PREFIX = "# jit-params:"


def read_jit_params(script):
    """The script's own "# jit-params:" as extra arguments ([] when none)."""
    with open(script, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(JIT_PARAMS_PREFIX):
                return ["--jit-param", line[len(JIT_PARAMS_PREFIX):].strip()]
    return []


def run_one(tributary, mode, script, timeout):
    """Returns (ok, reason, details)."""
    name, extra = mode
    relpath = os.path.relpath(script, SCRIPTS_DIR)
    exp_out, exp_exit, exp_last, exp_prefix = read_expectation(script)
    if exp_out is None:
        return False, "missing expectation file %s.out" % relpath[:-3], ""
    conds, cond_errors = [], []
    stats_path = None
    if "--jit=on" in extra:
        conds, cond_errors = read_jit_expect(script, mode_policy(extra))
        if cond_errors:
            return False, "; ".join(cond_errors), ""
        if any(a.startswith("--jit-disable=") for a in extra):
            # The optimized IR's op counts are the optimizer's: they are
            # stated for the full pipeline only.
            conds = [c for c in conds if not c[1].startswith("ops.") and c[1] not in ("allocations_removed", "materialized")]
        if "--backend=tiered" in extra:
            # A promotion is one more compilation of its region (its
            # allocations removed once more), entered from the quick tier's
            # state at the loop header (its virtual objects built there),
            # and the quick tier's loops count their iterations (a LOAD
            # more; loops of huge code traced before it was marked keep their
            # traces, so short loops are demoted rather than left unrecorded).
            conds = [c for c in conds
                     if not c[1].startswith("ops.") and not c[1].startswith("compiles")
                     and c[1] not in ("demoted", "short_loops", "allocations_removed", "materialized")]
    stats_args = []
    if conds:
        fd, stats_path = tempfile.mkstemp(prefix="tributary-jit-stats-",
                                          suffix=".json")
        os.close(fd)
        stats_args = ["--jit-stats=json:" + stats_path]
    own = read_jit_params(script) if "--jit=on" in extra else []
    cmd = [tributary] + extra + own + stats_args + [os.path.basename(script)]
    try:
        try:
            proc = subprocess.run(cmd, cwd=os.path.dirname(script),
                                  env=STRICT_ENV,
                                  stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=timeout)
        except subprocess.TimeoutExpired:
            return False, "timeout after %gs" % timeout, ""
        except OSError as e:
            return False, "cannot run %s: %s" % (tributary, e), ""
        reasons = []
        if conds:
            reasons.extend(check_jit_expect(conds, stats_path))
    finally:
        if stats_path is not None:
            try:
                os.unlink(stats_path)
            except OSError:
                pass
    details = ""
    if proc.returncode != exp_exit:
        reasons.append("exit status %d, expected %d"
                       % (proc.returncode, exp_exit))
    if proc.stdout != exp_out:
        reasons.append("stdout differs")
        details += make_diff(exp_out, proc.stdout, relpath)
    last = last_nonempty_line(proc.stderr)
    if exp_prefix is not None:
        if not last.startswith(exp_prefix):
            reasons.append("last stderr line %r does not start with %r"
                           % (last, exp_prefix))
    elif exp_last is not None:
        if last != exp_last:
            reasons.append("last stderr line %r, expected %r"
                           % (last, exp_last))
    if reasons and proc.returncode != exp_exit and proc.stderr:
        tail = proc.stderr.decode("utf-8", errors="replace").splitlines()
        details += "stderr (tail):\n" + "".join(
            "  " + ln + "\n" for ln in tail[-10:])
    return (not reasons), "; ".join(reasons), details


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tributary", help="path to the tributary binary")
    ap.add_argument("--mode", action="append", type=parse_mode, default=None,
                    metavar="NAME=ARGS",
                    help="run mode: extra args before the script path "
                         "(repeatable; default: interp=--jit=off)")
    ap.add_argument("-j", "--jobs", type=int, default=2,
                    help="parallel workers (default 2)")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="per-run timeout in seconds (default 10)")
    ap.add_argument("--list", action="store_true",
                    help="list selected script x mode pairs and exit")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print a line for passing runs too")
    ap.add_argument("selectors", nargs="*",
                    help="script files, directories or path substrings")
    args = ap.parse_args(argv)

    modes = args.mode or [parse_mode(m) for m in DEFAULT_MODES]
    scripts = select_scripts(args.selectors)

    if args.list:
        for s in scripts:
            for name, extra in modes:
                print("[%s] %s" % (name, os.path.relpath(s, SCRIPTS_DIR)))
        print("%d scripts x %d modes" % (len(scripts), len(modes)))
        return 0

    if not args.tributary:
        ap.error("--tributary is required (unless --list)")
    tributary = os.path.abspath(args.tributary)
    DEFAULT_POLICY[0] = read_default_policy(tributary)

    jobs = [(m, s) for s in scripts for m in modes]
    lock = threading.Lock()
    passed = 0
    failed = 0

    def task(job):
        mode, script = job
        return job, run_one(tributary, mode, script, args.timeout)

    with concurrent.futures.ThreadPoolExecutor(
            max_workers=max(1, args.jobs)) as ex:
        for (mode, script), (ok, reason, details) in ex.map(task, jobs):
            rel = os.path.relpath(script, SCRIPTS_DIR)
            with lock:
                if ok:
                    passed += 1
                    if args.verbose:
                        print("PASS [%s] %s" % (mode[0], rel))
                else:
                    failed += 1
                    print("FAIL [%s] %s: %s" % (mode[0], rel, reason))
                    if details:
                        sys.stdout.write(details)
                sys.stdout.flush()

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
