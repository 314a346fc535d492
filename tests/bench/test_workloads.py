"""The benchmark workloads as differential tests: each bench/*.py workload at a
small size prints CPython's results (every line but the timings) under
Tributary's interpreter, its default JIT and eager thresholds under two
merge policies, with TRIBUTARY_JIT_STRICT=1 (a trace the verifier refuses
aborts). Workloads are real programs the JIT was not written around line by
line; a wrong result or a refused trace here once went unseen by the
script corpus (deltablue's constraints over escaped variables)."""
import os
import subprocess
import sys
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(REPO, "bench")
TRIBUTARY = os.environ.get("TRIBUTARY", os.path.join(REPO, "build", "tributary"))
NOT_WORKLOADS = {"run.py", "gen_branches.py", "latency.py"}
SCALE = "--scale=0.05"
EAGER = "threshold=2,function_threshold=3,trace_eagerness=2"
MODES = [["--jit=off"], [], ["--merge=none", "--jit-param", EAGER], ["--merge=cfg", "--jit-param", EAGER]]


def results(cmd):
    env = dict(os.environ, TRIBUTARY_JIT_STRICT="1", BENCH_SCALE="0.05")
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=REPO, env=env)
    lines = [line for line in p.stdout.splitlines() if not line.startswith("time")]
    return p.returncode, lines, p.stderr[-500:]


class Workloads(unittest.TestCase):
    pass


def make_test(name):
    def test(self):
        path = os.path.join(BENCH, name)
        rc, want, err = results([sys.executable, path, SCALE])
        self.assertEqual(rc, 0, err)
        for mode in MODES:
            with self.subTest(mode=" ".join(mode) or "default"):
                rc, got, err = results([TRIBUTARY] + mode + [path, SCALE])
                self.assertEqual(rc, 0, err)
                self.assertEqual(got, want)
    return test


for _name in sorted(os.listdir(BENCH)):
    if _name.endswith(".py") and _name not in NOT_WORKLOADS:
        setattr(Workloads, "test_" + _name[:-3], make_test(_name))


if __name__ == "__main__":
    unittest.main()
