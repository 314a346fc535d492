"""Tests of the benchmark harness bench/run.py: output and statistics parsing,
ratio and geometric-mean arithmetic, --help parsing, and a tiny real run of two
workloads with one repetition (BENCH_SCALE-sized, a few seconds)."""
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "bench"))

import run  # noqa: E402  (bench/run.py)
import gen_branches  # noqa: E402

STATS = {"recordings_started": 5, "loops": 1, "functions": 1, "bridges": 3,
         "aborts": {"TraceTooLong": 2, "InnerLoop": 1}, "blacklisted": 0, "guards": 9,
         "ops_recorded": 100, "ops_optimized": 80, "code_bytes": 4096, "trace_entries": 7,
         "side_exits": 4, "record_seconds": 0.25, "optimize_seconds": 0.125,
         "backend_seconds": 0.5}

HELP = """usage: tributary [options] (script.py | -c code) [args...]

options:
  --jit=on|off     enable or disable the JIT (default: on)
  --merge=POLICY   path-merging policy; available: none (pure tracing: hot side
                   exits get bridges, paths never merge), diamond, cap:K
  --backend=NAME   code generator; available: asmjit, mir
  --jit-stats=json:FILE  write JIT statistics as JSON to FILE ('-' for stdout)
"""

HELP_LIST = """options:
  --merge=POLICY   path-merging policy, one of:
                     none        pure tracing
                     generalize  widen types at merge points
  --backend=NAME   code generator (default asmjit)
"""


class ParseTests(unittest.TestCase):
    def test_output_split(self):
        out = ("loop: count = 5\ngen: count = 5\ntime loop = 0.5000 s (1.00x)\n"
               "time gen = 1.0 s (2.00x)\ntime = 1.5000 s\n")
        result, t, subs = run.parse_output(out)
        self.assertEqual(result, ["loop: count = 5", "gen: count = 5"])
        self.assertEqual(t, 1.5)
        self.assertEqual(subs, {"loop": 0.5, "gen": 1.0})

    def test_output_takes_last_time_and_handles_exponents(self):
        _, t, _ = run.parse_output("time = 1.0 s\nresult = 3\ntime = 2.5e-05 s\n")
        self.assertEqual(t, 2.5e-05)
        result, t, _ = run.parse_output("pi = 3.14\n")
        self.assertEqual(result, ["pi = 3.14"])
        self.assertIsNone(t)

    def test_time_word_in_result_is_kept(self):
        result, _, _ = run.parse_output("timeout = 3\ntime = 1 s\n")
        self.assertEqual(result, ["timeout = 3"])

    def test_jit_stats(self):
        stats = run.parse_jit_stats(json.dumps(STATS))
        self.assertEqual(stats["bridges"], 3)
        self.assertEqual(stats["aborts_total"], 3)
        self.assertAlmostEqual(stats["compile_seconds"], 0.875)
        self.assertIsNone(run.parse_jit_stats("{not json"))
        self.assertIsNone(run.parse_jit_stats("[1, 2]"))

    def test_pypy_summary(self):
        text = "[abc] {jit-summary\nTracing: \t5\t0.1\nTotal # of loops:\t11\n" \
               "Total # of bridges:\t527\nFreed # of loops:\t1\n[abd] jit-summary}\n"
        self.assertEqual(run.parse_pypy_summary(text), {"loops": 11, "bridges": 527})
        self.assertIsNone(run.parse_pypy_summary(""))

    def test_error_line(self):
        err = "Traceback (most recent call last):\n  File x\nNotImplementedError: class definition\n\n"
        self.assertEqual(run.error_line(err), "NotImplementedError: class definition")
        self.assertEqual(run.error_line("", "last out\n"), "last out")

    def test_help_choices_inline(self):
        self.assertEqual(run.parse_help_choices(HELP, "--merge="), ["none", "diamond", "cap:K"])
        self.assertEqual(run.parse_help_choices(HELP, "--backend="), ["asmjit", "mir"])
        self.assertEqual(run.parse_help_choices(HELP, "--nothing="), [])

    def test_help_choices_one_per_line(self):
        self.assertEqual(run.parse_help_choices(HELP_LIST, "--merge="), ["none", "generalize"])
        self.assertEqual(run.parse_help_choices(HELP_LIST, "--backend="), [])

    def test_expand_policy(self):
        self.assertEqual(run.expand_policy("cap:K", ["2", "8"]), ["cap:2", "cap:8"])
        self.assertEqual(run.expand_policy("cap:4", ["2"]), ["cap:4"])
        self.assertEqual(run.expand_policy("none", ["2"]), ["none"])

    def test_real_help_lists_none(self):
        binary = run.DEFAULT_TRIBUTARY
        if not os.path.exists(binary):
            self.skipTest("build/tributary not built")
        text = run.tributary_help(binary)
        self.assertIn("none", run.parse_help_choices(text, "--merge="))


class MathTests(unittest.TestCase):
    def test_ratio(self):
        self.assertEqual(run.ratio(2.0, 4.0), 0.5)
        self.assertIsNone(run.ratio(None, 1.0))
        self.assertIsNone(run.ratio(1.0, None))
        self.assertIsNone(run.ratio(1.0, 0.0))

    def test_geomean(self):
        self.assertAlmostEqual(run.geomean([2.0, 8.0]), 4.0)
        self.assertAlmostEqual(run.geomean([0.5, 2.0, None]), 1.0)
        self.assertAlmostEqual(run.geomean([3.0]), 3.0)
        self.assertIsNone(run.geomean([]))
        self.assertIsNone(run.geomean([None, 0.0]))

    def test_median(self):
        self.assertEqual(run.median([3.0, 1.0, 2.0]), 2.0)
        self.assertEqual(run.median([1.0, 2.0]), 1.5)
        self.assertIsNone(run.median([]))

    def _rec(self, w, impl, t, status="ok", result=("r = 1",)):
        return {"workload": w, "impl": impl, "status": status, "error": "boom" if status != "ok" else "",
                "script_seconds": t, "wall_seconds": None if t is None else t + 0.1, "peak_rss_kb": 2048,
                "result": list(result), "subtimes": {}, "warmup": False}

    def test_summarize_and_ratio_rows(self):
        runs = [self._rec("a", "python3", t) for t in (1.0, 3.0, 2.0)]
        runs += [self._rec("a", "pypy3", t) for t in (0.5, 0.5, 0.25)]
        runs += [self._rec("b", "python3", 4.0), self._rec("b", "pypy3", 16.0)]
        runs += [self._rec("b", "trib-off", None, status="failed")]
        cells = run.summarize(runs)
        a = cells[("a", "python3")]
        self.assertEqual((a["median"], a["min"], a["max"], a["n"]), (2.0, 1.0, 3.0, 3))
        self.assertEqual(a["rss_mb"], 2.0)
        self.assertEqual(cells[("b", "trib-off")]["status"], "failed")
        self.assertIsNone(cells[("b", "trib-off")]["median"])
        rows = run.ratio_rows(cells, ["a", "b"], ["python3", "pypy3", "trib-off"], "python3")
        self.assertEqual(rows[0], ["a", "1.00x", "0.25x", "-"])
        self.assertEqual(rows[1], ["b", "1.00x", "4.00x", "-"])
        self.assertEqual(rows[2][2], "**1.00x** (2)")  # sqrt(0.25 * 4)
        self.assertEqual(rows[2][3], "-")

    def test_regression_rows_flag_slower_and_jit_heavy(self):
        runs = [self._rec(w, "trib-off", 1.0) for w in ("a", "b", "c")]
        runs += [self._rec("a", "trib:none", 0.5), self._rec("b", "trib:none", 1.2),
                 self._rec("c", "trib:none", 0.8)]
        for rec in runs:  # wall time is script time + 0.1
            if rec["impl"] == "trib:none":
                rec["jit_stats"] = {"compile_seconds": 0.3 if rec["workload"] == "c" else 0.01}
        cells = run.summarize(runs)
        impls = [run.Impl("trib-off", [], "tributary"), run.Impl("trib:none", [], "tributary", "none")]
        rows, flagged = run.regression_rows(cells, ["a", "b", "c"], impls)
        self.assertEqual(rows[0], ["a", "0.50x, JIT 2%"])
        self.assertEqual(rows[1], ["b", "**1.20x, JIT 1% slower**"])
        self.assertEqual(rows[2], ["c", "**0.80x, JIT 33% JIT-heavy**"])
        self.assertEqual(flagged, 2)

    def test_check_results_flags_mismatch(self):
        runs = [self._rec("a", "python3", 1.0), self._rec("a", "pypy3", 1.0, result=("r = 2",))]
        run.check_results(runs)
        self.assertEqual(runs[0]["status"], "ok")
        self.assertEqual(runs[1]["status"], "wrong-result")

    def test_markdown_table(self):
        text = run.markdown_table(["w", "x"], [["a", 1]])
        self.assertEqual(text.splitlines(), ["| w | x |", "|---|---:|", "| a | 1 |"])


class GeneratorTests(unittest.TestCase):
    def test_parse_ns(self):
        self.assertEqual(gen_branches.parse_ns("1-4"), [1, 2, 3, 4])
        self.assertEqual(gen_branches.parse_ns("1,3,8"), [1, 3, 8])

    def test_generated_scripts_run(self):
        for kind in gen_branches.KINDS:
            src = gen_branches.generate(5, kind, 0.3, 2, 2, rows=50, passes=2)
            compile(src, "gen", "exec")
            out = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True)
            self.assertEqual(out.returncode, 0, out.stderr)
            result, t, _ = run.parse_output(out.stdout)
            self.assertTrue(result[0].startswith("result = "))
            self.assertIsNotNone(t)


class TinyRunTests(unittest.TestCase):
    """Runs bench/run.py for real: two workloads, one repetition, small scale."""

    def test_impl_with_jit_params(self):
        if not os.path.exists(run.DEFAULT_TRIBUTARY):
            self.skipTest("build/tributary is not built")
        import argparse
        args = argparse.Namespace(impls="trib:none~segmenting=0,trib:generalize", tributary=run.DEFAULT_TRIBUTARY,
                                  cap_values="4", policies=None, backends=None, python3="python3", pypy3="pypy3")
        impls = {i.ident: i for i in run.discover_impls(args, [])}
        self.assertEqual(sorted(impls), ["trib:generalize", "trib:none~segmenting=0"])
        self.assertEqual(impls["trib:none~segmenting=0"].argv[1:],
                         ["--jit=on", "--merge=none", "--jit-param", "segmenting=0"])
        self.assertEqual(impls["trib:none~segmenting=0"].policy, "none")

    def test_two_workloads_one_rep(self):
        with tempfile.TemporaryDirectory() as out:
            impls = "python3,trib-off,trib:none"
            res = subprocess.run(
                [sys.executable, os.path.join(REPO, "bench", "run.py"), "-w", "pi,richards",
                 "-i", impls, "-n", "1", "--warmup", "0", "--scale", "0.05", "--out", out,
                 "--no-plots", "-q"],
                capture_output=True, text=True, timeout=300)
            self.assertEqual(res.returncode, 0, res.stderr)
            with open(os.path.join(out, "runs.json")) as f:
                data = json.load(f)
            runs = data["runs"]
            by = {(r["workload"], r["impl"]): r for r in runs}
            py = by[("pi", "python3")]
            self.assertEqual(py["status"], "ok")
            self.assertGreater(py["script_seconds"], 0)
            self.assertGreater(py["wall_seconds"], py["script_seconds"])
            self.assertGreater(py["peak_rss_kb"], 0)
            self.assertTrue(py["result"][0].startswith("pi = "))
            self.assertEqual(by[("richards", "python3")]["status"], "ok")
            if os.path.exists(run.DEFAULT_TRIBUTARY):
                tr = by[("pi", "trib:none")]
                self.assertEqual(tr["status"], "ok", tr["error"])
                self.assertEqual(tr["result"], py["result"])
                self.assertGreaterEqual(tr["jit_stats"]["loops"], 1)
                # a workload Tributary cannot run yet is a recorded failure, not a crash
                rich = by[("richards", "trib-off")]
                if rich["status"] != "ok":
                    self.assertTrue(rich["error"])
            with open(os.path.join(out, "summary.md")) as f:
                summary = f.read()
            self.assertIn("| pi |", summary)
            self.assertIn("geometric mean", summary)
            self.assertTrue(os.path.exists(os.path.join(out, "runs.csv")))

    def test_missing_implementation_is_skipped(self):
        with tempfile.TemporaryDirectory() as out:
            res = subprocess.run(
                [sys.executable, os.path.join(REPO, "bench", "run.py"), "-w", "pi",
                 "-i", "python3,pypy3", "--pypy3", "no-such-pypy-binary", "-n", "1",
                 "--warmup", "0", "--scale", "0.02", "--out", out, "--no-plots", "-q"],
                capture_output=True, text=True, timeout=120)
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertIn("not installed; skipped", res.stderr)


if __name__ == "__main__":
    unittest.main()
