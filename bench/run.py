#!/usr/bin/env python3
"""Tributary's benchmark harness (Python 3 standard library only).

Runs workloads x implementations x repetitions in round-robin order (after
warm-up rounds), so machine drift hits every implementation alike, and writes
into bench/results/<timestamp>/:
  runs.json, runs.csv   every run: wall time, the script's own `time =`, its
                        sub-times (`time NAME = X s`), peak RSS, exit status,
                        error line, JIT statistics (Tributary --jit-stats, PyPy
                        PYPYLOG jit-summary)
  summary.md            Markdown tables: median and min-max per workload and
                        implementation, ratios to CPython and to PyPy with
                        geometric means, Tributary's JIT statistics
  times.png             time per implementation per workload (gnuplot, else
                        matplotlib, else skipped with a note)
With --sweep it runs bench/gen_branches.py's scripts for N = 1..16 instead and
writes sweep.md/sweep.csv/sweep.png: bridges, machine-code bytes, compile time
and run time against N, one line per merge policy.

Implementations: python3, pypy3, trib-off (tributary --jit=off), and one
trib:POLICY per merge policy (trib:POLICY@BACKEND for each further backend).
Policies and backends come from `tributary --help` (its --merge=POLICY and
--backend=NAME lines) unless given with --policies/--backends; those the
binary does not list are skipped with a note.  A failing run (unsupported
feature, crash, timeout, wrong result) is recorded with its error line; the
harness carries on.

Workload protocol: a script prints its result line(s), optional sub-times
`time NAME = X s ...`, and finally `time = X s` measured in-process; it honours
--scale=X (passed when --scale is given) and BENCH_SCALE.
"""
import argparse
import csv
import datetime
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)
DEFAULT_TRIBUTARY = os.path.join(REPO_DIR, "build", "tributary")

# The suite in table order; each is bench/<name>.py.
WORKLOADS = [
    "pi", "pi_blocker", "data_driven", "pythagorean", "readpoly", "template",
    "nbody", "richards", "jsonish",
    "go", "fannkuch", "nqueens", "deltablue", "permutations", "raytrace",
    "chaos", "pidigits", "bigfact", "lcg64", "spectral_norm", "havlak", "huge_function",
]

TIME_RE = re.compile(r"^time = ([-+0-9.eE]+) s\s*$")
SUBTIME_RE = re.compile(r"^time (\S+) = ([-+0-9.eE]+) s")
PYPY_SUMMARY_RE = re.compile(r"^Total # of (loops|bridges):\s*(\d+)")
TOKEN_RE = re.compile(r"^[a-z][A-Za-z0-9_:.\-]*$")


# ---------------------------------------------------------------- parsing

def parse_output(stdout):
    """Splits a workload's stdout into (result lines, script time, sub-times).

    Result lines are every line except timing lines (`time = X s` and
    `time NAME = X s`); the script time is the last `time = X s` (None if
    absent); sub-times map NAME to seconds."""
    result = []
    script_time = None
    subtimes = {}
    for line in stdout.splitlines():
        m = TIME_RE.match(line)
        if m:
            script_time = float(m.group(1))
            continue
        m = SUBTIME_RE.match(line)
        if m:
            subtimes[m.group(1)] = float(m.group(2))
            continue
        result.append(line.rstrip())
    while result and not result[-1]:
        result.pop()
    return result, script_time, subtimes


def parse_jit_stats(text):
    """Tributary's --jit-stats JSON, plus derived aborts_total and
    compile_seconds (record + optimize + backend).  None if unparsable."""
    try:
        stats = json.loads(text)
    except ValueError:
        return None
    if not isinstance(stats, dict):
        return None
    aborts = stats.get("aborts")
    if isinstance(aborts, dict):
        stats["aborts_total"] = sum(v for v in aborts.values() if isinstance(v, (int, float)))
    stats["compile_seconds"] = sum(
        float(stats.get(k, 0.0) or 0.0)
        for k in ("record_seconds", "optimize_seconds", "backend_seconds"))
    return stats


def parse_pypy_summary(text):
    """Loops and bridges from PyPy's PYPYLOG=jit-summary output (or None)."""
    found = {}
    for line in text.splitlines():
        m = PYPY_SUMMARY_RE.match(line.strip())
        if m:
            found[m.group(1)] = int(m.group(2))
    return found or None


def error_line(stderr, stdout=""):
    """The line that best says why a run failed: the last non-empty stderr line
    (for a Python traceback, the exception), else the last stdout line."""
    for text in (stderr, stdout):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if lines:
            return lines[-1][:300]
    return ""


def _option_block(help_text, option):
    """The description of `option` in --help output: its line and the
    continuation lines (indented, not starting a new option)."""
    lines = help_text.splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith(option):
            block = [line.strip()[len(option):]]
            for nxt in lines[i + 1:]:
                stripped = nxt.strip()
                if not stripped or stripped.startswith("-") or not nxt[:1].isspace():
                    break
                block.append(stripped)
            return block
    return None


def _strip_parens(text):
    out = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def parse_help_choices(help_text, option):
    """Names offered for `option` (e.g. '--merge=') in `tributary --help`.

    Understands "available: a, b (notes), c:K" on the option's lines, or one
    name per continuation line.  Returns a list (possibly empty)."""
    block = _option_block(help_text, option)
    if block is None:
        return []
    text = " ".join(block)
    names = []
    if "available:" in text:
        tail = _strip_parens(text.split("available:", 1)[1])
        for tok in re.split(r"[,|/\s]+", tail):
            tok = tok.strip(" .;")
            if tok and TOKEN_RE.match(tok) and tok not in ("and", "or"):
                names.append(tok)
    else:
        for line in block[1:]:
            tok = line.split()[0].strip(",;:")
            if TOKEN_RE.match(tok):
                names.append(tok)
    seen = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def expand_policy(name, cap_values):
    """`cap:K` (a placeholder parameter in upper case) becomes cap:4 etc."""
    if ":" in name:
        base, arg = name.split(":", 1)
        if arg and arg.isupper():
            return ["%s:%s" % (base, v) for v in cap_values]
    return [name]


# ---------------------------------------------------------------- statistics

def median(values):
    return statistics.median(values) if values else None


def ratio(value, reference):
    """value / reference, or None when either is missing or reference is 0."""
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference


def geomean(values):
    """Geometric mean of the positive values (None values skipped); None if empty."""
    vals = [v for v in values if v is not None and v > 0]
    if not vals:
        return None
    return math.exp(sum(math.log(v) for v in vals) / len(vals))


# ---------------------------------------------------------------- implementations

class Impl:
    """One way to run a script: an id for tables and the command prefix."""

    def __init__(self, ident, argv, kind, policy=None, backend=None):
        self.ident = ident
        self.argv = argv
        self.kind = kind  # "cpython", "pypy", "tributary"
        self.policy = policy
        self.backend = backend

    @property
    def jit(self):
        return self.kind == "tributary" and self.policy is not None

    def to_json(self):
        return {"id": self.ident, "argv": self.argv, "kind": self.kind,
                "policy": self.policy, "backend": self.backend}


def tributary_help(binary):
    try:
        out = subprocess.run([binary, "--help"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout + out.stderr


def discover_impls(args, notes):
    """The implementations selected by --impls, skipping missing ones with a note."""
    wanted = [w.strip() for w in args.impls.split(",") if w.strip()]
    impls = []
    trib = args.tributary
    trib_ok = os.path.isfile(trib) and os.access(trib, os.X_OK)
    help_text = tributary_help(trib) if trib_ok else None
    if help_text is None and trib_ok:
        trib_ok = False
    offered_policies = parse_help_choices(help_text, "--merge=") if help_text else []
    offered_backends = parse_help_choices(help_text, "--backend=") if help_text else []
    cap_values = [v for v in args.cap_values.split(",") if v]
    if args.policies:
        policies = []
        for p in args.policies.split(","):
            p = p.strip()
            base = p.split(":", 1)[0]
            if offered_policies and not any(o.split(":", 1)[0] == base for o in offered_policies):
                notes.append("merge policy %r is not offered by %s --help; skipped" % (p, trib))
                continue
            policies.extend(expand_policy(p, cap_values))
    else:
        policies = []
        for p in offered_policies:
            policies.extend(expand_policy(p, cap_values))
    if args.backends:
        backends = []
        for b in args.backends.split(","):
            b = b.strip()
            if offered_backends and b not in offered_backends:
                notes.append("backend %r is not offered by %s --help; skipped" % (b, trib))
                continue
            backends.append(b)
    else:
        backends = offered_backends
    default_backend = offered_backends[0] if offered_backends else None

    def want(name):
        return "all" in wanted or name in wanted or (
            name.startswith("trib:") and "trib" in wanted)

    for name, exe, kind in (("python3", args.python3, "cpython"), ("pypy3", args.pypy3, "pypy")):
        if want(name):
            path = shutil.which(exe)
            if path:
                impls.append(Impl(name, [path], kind))
            else:
                notes.append("%s (%s) is not installed; skipped" % (name, exe))
    trib_requested = [w for w in wanted if w == "all" or w.startswith("trib")]
    if trib_requested and not trib_ok:
        notes.append("tributary binary %s is missing (build it with `ninja -C build`); "
                     "Tributary skipped" % trib)
        return impls
    if want("trib-off"):
        impls.append(Impl("trib-off", [trib, "--jit=off"], "tributary"))
    if trib_ok and (any(w == "all" or w == "trib" or w.startswith("trib:") for w in wanted)):
        if not policies:
            notes.append("no merge policy found in `%s --help`; JIT modes skipped" % trib)
        for backend in (backends or [None]):
            for policy in policies:
                ident = "trib:" + policy
                if backend is not None and backend != default_backend:
                    ident += "@" + backend
                if not want(ident) and not ("trib" in wanted or "all" in wanted):
                    continue
                argv = [trib, "--jit=on", "--merge=" + policy]
                if backend is not None:
                    argv.append("--backend=" + backend)
                impls.append(Impl(ident, argv, "tributary", policy, backend))
        # trib:POLICY[@BACKEND]~NAME=V,...: that mode with JIT parameters
        # (e.g. trib:generalize~segmenting=0, the huge-function cliff).
        for w in wanted:
            if w.startswith("trib:") and "~" in w:
                base_id, params = w.split("~", 1)
                base = [i for i in impls if i.ident == base_id]
                if not base:
                    policy, _, backend = base_id[len("trib:"):].partition("@")
                    argv = [trib, "--jit=on", "--merge=" + policy] + (["--backend=" + backend] if backend else [])
                    base = [Impl(base_id, argv, "tributary", policy, backend or None)]
                impls.append(Impl(w, base[0].argv + ["--jit-param", params], "tributary", base[0].policy,
                                  base[0].backend))
        for w in wanted:
            if w.startswith("trib:") and not any(i.ident == w for i in impls):
                notes.append("%s: that policy/backend is not available; skipped" % w)
    return impls


# ---------------------------------------------------------------- running

def run_once(impl, script, scale, timeout, script_args=()):
    """Runs one script once; returns a dict describing the run."""
    tmpdir = tempfile.mkdtemp(prefix="tributary-bench-")
    out_path = os.path.join(tmpdir, "stdout")
    err_path = os.path.join(tmpdir, "stderr")
    stats_path = os.path.join(tmpdir, "jit-stats.json")
    pypylog_path = os.path.join(tmpdir, "pypylog")
    argv = list(impl.argv)
    env = dict(os.environ)
    if impl.kind == "tributary":
        argv.append("--jit-stats=json:" + stats_path)
    if impl.kind == "pypy":
        env["PYPYLOG"] = "jit-summary:" + pypylog_path
    argv.append(script)
    argv.extend(script_args)
    if scale is not None:
        env["BENCH_SCALE"] = repr(scale)
        argv.append("--scale=" + repr(scale))
    record = {"argv": argv, "status": "ok", "error": "", "returncode": None}
    timed_out = []
    try:
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                    env=env, cwd=tmpdir, start_new_session=True)

            def kill():
                timed_out.append(True)
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    pass

            timer = threading.Timer(timeout, kill)
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            wall = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
        record["returncode"] = proc.returncode
        record["wall_seconds"] = wall
        record["peak_rss_kb"] = usage.ru_maxrss  # kilobytes on Linux
        with open(out_path, encoding="utf-8", errors="replace") as f:
            stdout = f.read()
        with open(err_path, encoding="utf-8", errors="replace") as f:
            stderr = f.read()
        result, script_time, subtimes = parse_output(stdout)
        record["result"] = result
        record["script_seconds"] = script_time
        record["subtimes"] = subtimes
        if os.path.exists(stats_path):
            with open(stats_path) as f:
                record["jit_stats"] = parse_jit_stats(f.read())
        if os.path.exists(pypylog_path):
            with open(pypylog_path, errors="replace") as f:
                record["jit_stats"] = parse_pypy_summary(f.read())
        if timed_out:
            record["status"] = "timeout"
            record["error"] = "timed out after %g s" % timeout
        elif proc.returncode != 0:
            record["status"] = "failed"
            record["error"] = error_line(stderr, stdout) or "exit status %d" % proc.returncode
        elif script_time is None:
            record["status"] = "failed"
            record["error"] = "no `time = X s` line in the output"
    except OSError as exc:
        record["status"] = "failed"
        record["error"] = "cannot run: %s" % exc
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return record


class Progress:
    def __init__(self, total, quiet):
        self.total = total
        self.done = 0
        self.quiet = quiet
        self.t0 = time.perf_counter()

    def report(self, label, record):
        self.done += 1
        if self.quiet:
            return
        elapsed = time.perf_counter() - self.t0
        if record["status"] == "ok":
            what = "%.3f s (wall %.3f s)" % (record["script_seconds"], record["wall_seconds"])
        else:
            what = "%s: %s" % (record["status"].upper(), record["error"])
        sys.stderr.write("[%4d/%d %6.0fs] %s: %s\n" % (self.done, self.total, elapsed, label, what))
        sys.stderr.flush()


def run_matrix(jobs, impls, reps, warmup, scale, timeout, quiet, reference_results=None):
    """Runs every (job, impl) pair: `warmup` unrecorded rounds then `reps`
    recorded rounds, each round visiting every pair once (round-robin).  A pair
    whose warm-up fails is not run again.  jobs: list of (name, script path).
    Returns the list of run records."""
    runs = []
    dead = {}
    total = (warmup + reps) * len(jobs) * len(impls)
    progress = Progress(total, quiet)
    for rnd in range(warmup + reps):
        is_warmup = rnd < warmup
        for name, script in jobs:
            for impl in impls:
                key = (name, impl.ident)
                label = "%s %s/%d %s on %s" % (
                    "warm-up" if is_warmup else "rep", (rnd + 1) if is_warmup else rnd - warmup + 1,
                    warmup if is_warmup else reps, name, impl.ident)
                if key in dead:
                    progress.done += 1
                    continue
                rec = run_once(impl, script, scale, timeout)
                rec.update({"workload": name, "impl": impl.ident, "round": rnd,
                            "warmup": is_warmup, "rep": None if is_warmup else rnd - warmup})
                progress.report(label, rec)
                if rec["status"] != "ok" and (is_warmup or rnd == 0):
                    dead[key] = rec
                    rec["warmup"] = False  # keep the failure visible in the tables
                    rec["rep"] = 0
                runs.append(rec)
    check_results(runs, reference_results)
    return runs


def check_results(runs, reference_results=None):
    """Marks runs whose result lines differ from the reference: CPython's,
    else the first successful run of the workload."""
    reference = dict(reference_results or {})
    for rec in runs:
        if rec["status"] == "ok" and rec["impl"] == "python3":
            reference.setdefault(rec["workload"], rec["result"])
    for rec in runs:
        if rec["status"] == "ok":
            reference.setdefault(rec["workload"], rec["result"])
    for rec in runs:
        if rec["status"] != "ok":
            continue
        ref = reference.get(rec["workload"])
        if ref is not None and rec["result"] != ref:
            rec["status"] = "wrong-result"
            rec["error"] = "result differs from the reference: %r vs %r" % (
                "; ".join(rec["result"])[:120], "; ".join(ref)[:120])


# ---------------------------------------------------------------- summaries

def summarize(runs, metric="script_seconds"):
    """{(workload, impl): {median, min, max, n, status, error, rss_mb, stats}}."""
    cells = {}
    for rec in runs:
        if rec.get("warmup"):
            continue
        cell = cells.setdefault((rec["workload"], rec["impl"]),
                                {"times": [], "walls": [], "rss": [], "status": "ok",
                                 "error": "", "stats": None, "subtimes": {}})
        if rec["status"] != "ok":
            cell["status"] = rec["status"]
            cell["error"] = rec["error"]
            continue
        cell["times"].append(rec[metric])
        cell["walls"].append(rec["wall_seconds"])
        cell["rss"].append(rec.get("peak_rss_kb") or 0)
        if rec.get("jit_stats"):
            cell["stats"] = rec["jit_stats"]
        for k, v in rec.get("subtimes", {}).items():
            cell["subtimes"].setdefault(k, []).append(v)
    for cell in cells.values():
        t = cell["times"]
        cell["n"] = len(t)
        cell["median"] = median(t)
        cell["min"] = min(t) if t else None
        cell["max"] = max(t) if t else None
        cell["wall_median"] = median(cell["walls"])
        cell["rss_mb"] = max(cell["rss"]) / 1024.0 if cell["rss"] else None
        if cell["status"] != "ok":
            cell["median"] = None  # a failing pair has no time
    return cells


def fmt_secs(v):
    if v is None:
        return "-"
    if v >= 100:
        return "%.0f" % v
    if v >= 10:
        return "%.1f" % v
    if v >= 0.1:
        return "%.2f" % v
    return "%.3f" % v


def fmt_ratio(v):
    return "-" if v is None else "%.2fx" % v


def markdown_table(header, rows):
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|"]
    for row in rows:
        out.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(out)


def cell_text(cell):
    if cell is None:
        return "-"
    if cell["status"] != "ok":
        return "**%s**" % cell["status"]
    if cell["n"] > 1:
        return "%s (%s–%s)" % (fmt_secs(cell["median"]), fmt_secs(cell["min"]), fmt_secs(cell["max"]))
    return fmt_secs(cell["median"])


def ratio_rows(cells, workloads, impl_ids, reference):
    rows = []
    per_impl = {i: [] for i in impl_ids}
    for w in workloads:
        ref_cell = cells.get((w, reference))
        ref = ref_cell["median"] if ref_cell else None
        row = [w]
        for i in impl_ids:
            c = cells.get((w, i))
            r = ratio(c["median"] if c else None, ref)
            per_impl[i].append(r)
            row.append(fmt_ratio(r))
        rows.append(row)
    gm = ["**geometric mean**"]
    for i in impl_ids:
        vals = [r for r in per_impl[i] if r is not None]
        g = geomean(vals)
        gm.append("**%s** (%d)" % (fmt_ratio(g), len(vals)) if g is not None else "-")
    rows.append(gm)
    # the same over the workloads every implementation ran, so columns compare
    common = [k for k in range(len(workloads)) if all(per_impl[i][k] is not None for i in impl_ids)]
    if len(common) < len(workloads):
        gm = ["geometric mean, workloads all ran"]
        for i in impl_ids:
            g = geomean([per_impl[i][k] for k in common])
            gm.append("%s (%d)" % (fmt_ratio(g), len(common)) if g is not None else "-")
        rows.append(gm)
    return rows


JIT_SHARE_LIMIT = 0.10  # JIT time (record + optimize + backend) per process wall time


def regression_rows(cells, workloads, impls):
    """The no-regression view: per workload and Tributary JIT mode, its median
    time over trib-off's and the JIT's share of the process wall time.  A mode
    slower than the interpreter, or spending more than JIT_SHARE_LIMIT of the
    run in the JIT, is flagged.  Returns (rows, number of flagged cells)."""
    jit_ids = [i.ident for i in impls if i.jit]
    rows, flagged = [], 0
    for w in workloads:
        off = cells.get((w, "trib-off"))
        off_time = off["median"] if off else None
        row = [w]
        for i in jit_ids:
            c = cells.get((w, i))
            if not c or c["median"] is None:
                row.append("-")
                continue
            r = ratio(c["median"], off_time)
            s = c["stats"] or {}
            share = None
            if "compile_seconds" in s and c["wall_median"]:
                share = s["compile_seconds"] / c["wall_median"]
            slower = r is not None and r > 1.0
            costly = share is not None and share > JIT_SHARE_LIMIT
            text = fmt_ratio(r)
            if share is not None:
                text += ", JIT %.0f%%" % (100 * share)
            if slower or costly:
                flagged += 1
                text = "**%s %s**" % (text, "/".join(
                    k for k, on in (("slower", slower), ("JIT-heavy", costly)) if on))
            row.append(text)
        rows.append(row)
    return rows, flagged


def render_summary(cells, workloads, impls, meta, notes, metric):
    impl_ids = [i.ident for i in impls]
    lines = ["# Benchmark results", ""]
    lines.append("%s, %s; %d repetition(s) after %d warm-up round(s), round-robin; scale %s." % (
        meta["date"], meta["machine"], meta["reps"], meta["warmup"],
        meta["scale"] if meta["scale"] is not None else "1"))
    lines.append("Time: %s, seconds, median (min–max). Ratios are time / reference time "
                 "(lower is better); geometric means over the workloads both ran (count in "
                 "parentheses)." % ("the script's own in-process `time =`" if metric == "script_seconds"
                                    else "process wall time"))
    lines.append("")
    lines.append("Command: `%s`%s" % (meta["command"], (" at commit %s" % meta["git"]) if meta.get("git") else ""))
    lines.append("")
    lines.append(markdown_table(["workload"] + impl_ids,
                                [[w] + [cell_text(cells.get((w, i))) for i in impl_ids]
                                 for w in workloads]))
    for ref, title in (("python3", "CPython"), ("pypy3", "PyPy")):
        if ref in impl_ids:
            lines += ["", "Time relative to %s (%s = 1.00x):" % (title, ref), ""]
            lines.append(markdown_table(["workload"] + impl_ids,
                                        ratio_rows(cells, workloads, impl_ids, ref)))
    if "trib-off" in impl_ids and any(i.jit for i in impls):
        rows, flagged = regression_rows(cells, workloads, impls)
        lines += ["", "No-regression view: JIT time / `--jit=off` time (must be at most 1.00x) and "
                  "the JIT's share of the process wall time (record + optimize + backend; at most "
                  "%.0f%%); %d flagged:" % (100 * JIT_SHARE_LIMIT, flagged), ""]
        lines.append(markdown_table(["workload"] + [i.ident for i in impls if i.jit], rows))
    lines += ["", "Peak memory (max RSS, MB):", ""]
    lines.append(markdown_table(
        ["workload"] + impl_ids,
        [[w] + [("%.0f" % cells[(w, i)]["rss_mb"]) if (w, i) in cells and cells[(w, i)]["rss_mb"]
                else "-" for i in impl_ids] for w in workloads]))
    jit_impls = [i for i in impls if i.jit or i.kind == "pypy"]
    if jit_impls:
        lines += ["", "JIT statistics (last repetition; PyPy from PYPYLOG=jit-summary):", ""]
        rows = []
        for w in workloads:
            for i in jit_impls:
                c = cells.get((w, i.ident))
                s = c["stats"] if c else None
                if not s:
                    continue
                aborts = s.get("aborts") or {}
                abort_text = ", ".join("%s %d" % (k, v) for k, v in sorted(aborts.items()) if v) \
                    if isinstance(aborts, dict) else ""
                rows.append([w, i.ident, s.get("loops", "-"), s.get("functions", "-"),
                             s.get("bridges", "-"), s.get("code_bytes", "-"),
                             ("%.3f" % s["compile_seconds"]) if "compile_seconds" in s else "-",
                             abort_text or "-"])
        lines.append(markdown_table(["workload", "impl", "loops", "functions", "bridges",
                                     "code bytes", "compile s", "aborts"], rows))
    failures = [(w, i, cells[(w, i)]) for w in workloads for i in impl_ids
                if (w, i) in cells and cells[(w, i)]["status"] != "ok"]
    if failures:
        lines += ["", "Failed runs:", ""]
        for w, i, c in failures:
            lines.append("- %s on %s: %s — `%s`" % (w, i, c["status"], c["error"]))
    subs = [(w, i, c) for (w, i), c in sorted(cells.items()) if c["subtimes"] and c["status"] == "ok"]
    if subs:
        lines += ["", "Sub-times (median s):", ""]
        for w, i, c in subs:
            lines.append("- %s on %s: %s" % (w, i, ", ".join(
                "%s %s" % (k, fmt_secs(median(v))) for k, v in c["subtimes"].items())))
    if notes:
        lines += ["", "Notes:", ""]
        lines += ["- " + n for n in notes]
    return "\n".join(lines) + "\n"


CSV_FIELDS = ["workload", "impl", "round", "rep", "warmup", "status", "script_seconds",
              "wall_seconds", "peak_rss_kb", "returncode", "error", "loops", "functions",
              "bridges", "code_bytes", "compile_seconds", "aborts_total", "subtimes", "argv"]


def write_csv(path, runs):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=CSV_FIELDS)
        w.writeheader()
        for rec in runs:
            row = {k: rec.get(k, "") for k in CSV_FIELDS}
            stats = rec.get("jit_stats") or {}
            for k in ("loops", "functions", "bridges", "code_bytes", "compile_seconds", "aborts_total"):
                row[k] = stats.get(k, "")
            row["subtimes"] = ";".join("%s=%s" % kv for kv in (rec.get("subtimes") or {}).items())
            row["argv"] = " ".join(rec.get("argv", []))
            w.writerow(row)


# ---------------------------------------------------------------- plots

def plot_tool():
    if shutil.which("gnuplot"):
        return "gnuplot"
    try:
        import matplotlib  # noqa: F401
        return "matplotlib"
    except ImportError:
        return None


def gp_quote(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"').replace("_", "\\\\_")


def plot_times(path, cells, workloads, impl_ids, notes):
    """Grouped bars: time per implementation (one bar colour each) per workload."""
    workloads = [w for w in workloads if any(cells.get((w, i), {}).get("median") for i in impl_ids)]
    if not workloads:
        notes.append("no successful runs; no time plot")
        return False
    tool = plot_tool()
    if tool is None:
        notes.append("neither gnuplot nor matplotlib is installed (apt-get install -y gnuplot-nox); "
                     "plots skipped")
        return False
    if tool == "gnuplot":
        data = path + ".dat"
        with open(data, "w") as f:
            f.write("workload " + " ".join('"%s"' % i for i in impl_ids) + "\n")
            for w in workloads:
                vals = []
                for i in impl_ids:
                    c = cells.get((w, i))
                    vals.append("%.6g" % c["median"] if c and c["median"] else "NaN")
                f.write('"%s" %s\n' % (w, " ".join(vals)))
        script = [
            "set terminal pngcairo size %d,480 font ',9'" % max(640, 90 * len(workloads) + 200),
            "set output %s" % gp_quote(path).replace("\\\\_", "_"),
            'set title "Time per workload (median; log scale; lower is better)"',
            "set style data histogram", "set style histogram cluster gap 1",
            "set style fill solid 0.85 border -1", "set logscale y", "set ylabel 'seconds'",
            "set key top left noenhanced", "set xtics noenhanced rotate by -25",
            "set grid ytics", "set boxwidth 0.9",
            "plot " + ", ".join("'%s' using %d:xtic(1) title columnhead lc rgb '%s'"
                                % (data, k + 2, PALETTE[k % len(PALETTE)])
                                for k in range(len(impl_ids))),
        ]
        return run_gnuplot(path, script, notes)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(max(6.4, 0.9 * len(workloads) + 2), 4.8))
    width = 0.8 / max(1, len(impl_ids))
    for k, i in enumerate(impl_ids):
        xs = [n + k * width for n in range(len(workloads))]
        ys = [(cells.get((w, i)) or {}).get("median") or float("nan") for w in workloads]
        ax.bar(xs, ys, width, label=i)
    ax.set_xticks([n + 0.4 - width / 2 for n in range(len(workloads))])
    ax.set_xticklabels(workloads, rotation=25)
    ax.set_yscale("log")
    ax.set_ylabel("seconds")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    return True


# Distinct line/bar colours: gnuplot's default cycle repeats after eight, and a full
# run has nine or more implementations.
PALETTE = ["#9400d3", "#009e73", "#56b4e9", "#e69f00", "#f0e442", "#0072b2", "#e51e10",
           "#000000", "#a0a0a0", "#8b4513", "#ff69b4", "#2e8b57"]


def run_gnuplot(path, script, notes):
    gp = path + ".gp"
    with open(gp, "w") as f:
        f.write("\n".join(script) + "\n")
    res = subprocess.run(["gnuplot", gp], capture_output=True, text=True)
    if res.returncode != 0 or not os.path.exists(path):
        if os.path.exists(path):
            os.remove(path)  # gnuplot leaves an empty file behind
        notes.append("gnuplot failed for %s: %s" % (os.path.basename(path), error_line(res.stderr)))
        return False
    return True


SWEEP_PANELS = [("bridges", "bridges"), ("blocks", "compiled blocks"),
                ("code_bytes", "machine-code bytes"), ("compile_seconds", "compile time (s)"),
                ("time", "run time (s)"), ("merges", "merged bridges")]


def compiled_blocks(stats):
    """Blocks of every root region plus one per unmerged bridge (a bridge is its own
    trace, a straight line up to its jump); None without Tributary's region counters."""
    if not stats or stats.get("region_blocks") is None:
        return None
    unmerged = stats.get("bridges_unmerged")
    if unmerged is None:
        unmerged = (stats.get("bridges") or 0) - (stats.get("merges") or 0)
    return stats["region_blocks"] + unmerged


def plot_sweep(path, table, ns, impl_ids, title, notes):
    """3x2 panels against N, one line per implementation: table[(n, impl)][metric]."""
    tool = plot_tool()
    if tool is None:
        notes.append("neither gnuplot nor matplotlib is installed; sweep plot skipped")
        return False
    if tool == "gnuplot":
        script = ["set terminal pngcairo size 1100,1150 font ',9'",
                  "set output '%s'" % path, "set multiplot layout 3,2 title %s noenhanced" % gp_quote(title).replace("\\\\_", "_"),
                  "set key top left noenhanced", "set grid", "set xlabel 'N (branch points)'",
                  "set xtics 1"]
        for metric, label in SWEEP_PANELS:
            data = "%s.%s.dat" % (path, metric)
            with open(data, "w") as f:
                for i in impl_ids:
                    f.write('# "%s"\n' % i)
                    for n in ns:
                        v = table.get((n, i), {}).get(metric)
                        f.write("%d %s\n" % (n, "NaN" if v is None else "%.6g" % v))
                    f.write("\n\n")
            series = [k for k, i in enumerate(impl_ids)
                      if any(table.get((n, i), {}).get(metric) is not None for n in ns)]
            script.append("set title '%s'" % label)
            script.append("set logscale y")  # the curves span orders of magnitude
            if series:
                script.append("plot " + ", ".join(
                    "'%s' index %d using 1:($2>0?$2:NaN) with linespoints pt %d lc rgb '%s' title '%s'"
                    % (data, k, k + 1, PALETTE[k % len(PALETTE)], impl_ids[k])
                    for k in series))
            else:
                script.append("set label 1 'no data' at graph 0.4,0.5")
                script.append("plot NaN notitle")
                script.append("unset label 1")
        script.append("unset multiplot")
        return run_gnuplot(path, script, notes)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(3, 2, figsize=(11, 11.5))
    for ax, (metric, label) in zip(axes.flat, SWEEP_PANELS):
        for i in impl_ids:
            ys = [table.get((n, i), {}).get(metric) for n in ns]
            if any(y is not None for y in ys):
                ax.plot(ns, [float("nan") if y is None else y for y in ys], marker="o", label=i)
        ax.set_title(label)
        ax.set_xlabel("N (branch points)")
        ax.set_yscale("log")
        ax.grid(True)
        ax.legend(fontsize=7)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    return True


# ---------------------------------------------------------------- main

def machine_description():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%s, %d cores (nproc), %s" % (cpu, os.cpu_count() or 0, platform.system())


def git_description():
    """The repository's commit, with '+dirty' when the work tree has changes."""
    try:
        head = subprocess.run(["git", "-C", REPO_DIR, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "-C", REPO_DIR, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return head + ("+dirty" if dirty else "")


def impl_versions(impls):
    out = {}
    for impl in impls:
        try:
            res = subprocess.run(impl.argv[:1] + ["--version"], capture_output=True, text=True, timeout=30)
            out[impl.ident] = (res.stdout + res.stderr).strip().splitlines()[:2]
        except (OSError, subprocess.SubprocessError):
            out[impl.ident] = []
    return out


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="Workloads: " + ", ".join(WORKLOADS))
    ap.add_argument("-w", "--workloads", default=",".join(WORKLOADS),
                    help="comma list of workloads (bench/<name>.py) or script paths")
    ap.add_argument("-i", "--impls", default="python3,pypy3,trib-off,trib",
                    help="comma list among python3, pypy3, trib-off, trib (every policy and "
                         "backend), trib:POLICY[@BACKEND], trib:POLICY[@BACKEND]~NAME=V,... (with JIT "
                         "parameters), all (default: %(default)s)")
    ap.add_argument("--policies", help="merge policies to run (default: those in tributary --help)")
    ap.add_argument("--backends", help="backends to run (default: those in tributary --help)")
    ap.add_argument("--cap-values", default="4", help="values for parameterized policies such as cap:K")
    ap.add_argument("-n", "--reps", type=int, default=5, help="recorded repetitions (default 5)")
    ap.add_argument("--warmup", type=int, default=1, help="unrecorded warm-up rounds (default 1)")
    ap.add_argument("--scale", type=float, help="workload size factor (--scale=X / BENCH_SCALE)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run (default 300)")
    ap.add_argument("--metric", choices=("script", "wall"), default="script",
                    help="time in the tables: the script's own or the process wall time")
    ap.add_argument("--tributary", default=DEFAULT_TRIBUTARY, help="tributary binary")
    ap.add_argument("--python3", default="python3")
    ap.add_argument("--pypy3", default="pypy3")
    ap.add_argument("--out", help="output directory (default bench/results/<timestamp>)")
    ap.add_argument("--no-plots", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    sw = ap.add_argument_group("growth sweep (--sweep)")
    sw.add_argument("--sweep", action="store_true",
                    help="run gen_branches.py scripts for each N instead of the suite")
    sw.add_argument("--sweep-n", default="1-16", help="N values (default 1-16)")
    sw.add_argument("--sweep-kind", default="isnone", help="isnone, intcmp, typeswitch or mixed")
    sw.add_argument("--sweep-bias", type=float, default=0.5)
    sw.add_argument("--sweep-nesting", type=int, default=1)
    sw.add_argument("--sweep-call-depth", type=int, default=0)
    sw.add_argument("--sweep-rows", type=int, default=4000)
    sw.add_argument("--sweep-passes", type=int, default=50)
    args = ap.parse_args(argv)
    if args.reps < 1 or args.warmup < 0:
        ap.error("--reps must be >= 1 and --warmup >= 0")
    return args


def resolve_workloads(spec):
    jobs = []
    missing = []
    for w in [s.strip() for s in spec.split(",") if s.strip()]:
        path = w if w.endswith(".py") else os.path.join(BENCH_DIR, w + ".py")
        if os.path.isfile(path):
            jobs.append((os.path.splitext(os.path.basename(path))[0], os.path.abspath(path)))
        else:
            missing.append(w)
    return jobs, missing


def make_out_dir(args):
    if args.out:
        out = args.out
    else:
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        out = os.path.join(BENCH_DIR, "results", stamp + ("-sweep" if args.sweep else ""))
    os.makedirs(out, exist_ok=True)
    return out


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    notes = []
    impls = discover_impls(args, notes)
    for n in notes:
        sys.stderr.write("note: %s\n" % n)
    if not impls:
        sys.stderr.write("no implementation to run\n")
        return 2
    out_dir = make_out_dir(args)
    meta = {
        "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "machine": machine_description(),
        "command": " ".join(["bench/run.py"] + (sys.argv[1:] if argv is None else list(argv))),
        "reps": args.reps, "warmup": args.warmup, "scale": args.scale,
        "implementations": [i.to_json() for i in impls],
        "versions": impl_versions(impls),
        "git": git_description(),
    }
    if args.sweep:
        return run_sweep(args, impls, meta, notes, out_dir)
    jobs, missing = resolve_workloads(args.workloads)
    for m in missing:
        notes.append("workload %s not found; skipped" % m)
        sys.stderr.write("note: workload %s not found; skipped\n" % m)
    if not jobs:
        sys.stderr.write("no workload to run\n")
        return 2
    runs = run_matrix(jobs, impls, args.reps, args.warmup, args.scale, args.timeout, args.quiet)
    metric = "script_seconds" if args.metric == "script" else "wall_seconds"
    cells = summarize(runs, metric)
    workloads = [name for name, _ in jobs]
    if not args.no_plots:
        plot_times(os.path.join(out_dir, "times.png"), cells, workloads, [i.ident for i in impls], notes)
    summary = render_summary(cells, workloads, impls, meta, notes, metric)
    with open(os.path.join(out_dir, "summary.md"), "w") as f:
        f.write(summary)
    with open(os.path.join(out_dir, "runs.json"), "w") as f:
        json.dump({"meta": meta, "notes": notes, "runs": runs}, f, indent=1)
    write_csv(os.path.join(out_dir, "runs.csv"), runs)
    print(summary)
    print("results in %s" % os.path.relpath(out_dir))
    return 0


def run_sweep(args, impls, meta, notes, out_dir):
    """Generates branch scripts for each N, runs them, tabulates and plots growth."""
    sys.path.insert(0, BENCH_DIR)
    import gen_branches
    ns = gen_branches.parse_ns(args.sweep_n)
    gen_dir = tempfile.mkdtemp(prefix="tributary-sweep-")
    jobs = []
    try:
        for n in ns:
            path = os.path.join(gen_dir, gen_branches.script_name(
                n, args.sweep_kind, args.sweep_bias, args.sweep_nesting, args.sweep_call_depth))
            with open(path, "w") as f:
                f.write(gen_branches.generate(n, args.sweep_kind, args.sweep_bias, args.sweep_nesting,
                                              args.sweep_call_depth, args.sweep_rows,
                                              args.sweep_passes))
            jobs.append(("n%02d" % n, path))
        meta["sweep"] = {"n": ns, "kind": args.sweep_kind, "bias": args.sweep_bias,
                         "nesting": args.sweep_nesting, "call_depth": args.sweep_call_depth,
                         "rows": args.sweep_rows, "passes": args.sweep_passes}
        runs = run_matrix(jobs, impls, args.reps, args.warmup, args.scale, args.timeout, args.quiet)
    finally:
        shutil.rmtree(gen_dir, ignore_errors=True)
    cells = summarize(runs)
    impl_ids = [i.ident for i in impls]
    table = {}
    for n in ns:
        for i in impl_ids:
            c = cells.get(("n%02d" % n, i))
            if not c or c["status"] != "ok":
                continue
            s = c["stats"] or {}
            table[(n, i)] = {"time": c["median"], "bridges": s.get("bridges"),
                             "blocks": compiled_blocks(s), "merges": s.get("merges"),
                             "code_bytes": s.get("code_bytes"),
                             "compile_seconds": s.get("compile_seconds")}
    title = "gen_branches sweep: kind=%s bias=%g nesting=%d call depth=%d" % (
        args.sweep_kind, args.sweep_bias, args.sweep_nesting, args.sweep_call_depth)
    if not args.no_plots:
        plot_sweep(os.path.join(out_dir, "sweep.png"), table, ns, impl_ids, title, notes)
    lines = ["# %s" % title, "", "%s, %s; %d repetition(s); command `%s`." % (
        meta["date"], meta["machine"], args.reps, meta["command"]), ""]
    header = ["N"]
    for i in impl_ids:
        header += ["%s time s" % i]
        if any(table.get((n, i), {}).get("bridges") is not None for n in ns):
            header += ["%s bridges" % i]
        if any(table.get((n, i), {}).get("blocks") is not None for n in ns):
            header += ["%s blocks" % i]
        if any(table.get((n, i), {}).get("code_bytes") is not None for n in ns):
            header += ["%s code bytes" % i]
        if any(table.get((n, i), {}).get("compile_seconds") is not None for n in ns):
            header += ["%s compile s" % i]
    rows = []
    for n in ns:
        row = [n]
        for i in impl_ids:
            t = table.get((n, i), {})
            c = cells.get(("n%02d" % n, i))
            row.append(fmt_secs(t.get("time")) if t else ("**%s**" % c["status"] if c else "-"))
            if "%s bridges" % i in header:
                row.append(t.get("bridges", "-") if t.get("bridges") is not None else "-")
            if "%s blocks" % i in header:
                row.append(t.get("blocks") if t.get("blocks") is not None else "-")
            if "%s code bytes" % i in header:
                row.append(t.get("code_bytes", "-") if t.get("code_bytes") is not None else "-")
            if "%s compile s" % i in header:
                row.append("%.4f" % t["compile_seconds"] if t.get("compile_seconds") is not None else "-")
        rows.append(row)
    lines.append(markdown_table(header, rows))
    if notes:
        lines += ["", "Notes:", ""] + ["- " + n for n in notes]
    text = "\n".join(lines) + "\n"
    with open(os.path.join(out_dir, "sweep.md"), "w") as f:
        f.write(text)
    with open(os.path.join(out_dir, "runs.json"), "w") as f:
        json.dump({"meta": meta, "notes": notes, "runs": runs}, f, indent=1)
    write_csv(os.path.join(out_dir, "runs.csv"), runs)
    with open(os.path.join(out_dir, "sweep.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["n", "impl", "time", "bridges", "blocks", "merges", "code_bytes", "compile_seconds"])
        for (n, i), t in sorted(table.items()):
            w.writerow([n, i, t["time"], t["bridges"], t["blocks"], t["merges"], t["code_bytes"],
                        t["compile_seconds"]])
    print(text)
    print("results in %s" % os.path.relpath(out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
