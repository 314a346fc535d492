"""Command-line behaviour that script tests cannot reach: what `tributary PATH`
prints and exits with when PATH is a directory or a missing file, compared with
python3 (CPython 3.11) with the program name left out.

Usage: python3 -m unittest tests/test_cli.py   (TRIBUTARY=path/to/tributary,
default build/tributary).  Stdlib only.
"""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRIBUTARY = os.path.abspath(os.environ.get("TRIBUTARY", os.path.join(ROOT, "build", "tributary")))
PYTHON = os.environ.get("REGEN_PYTHON", "python3")


def run(program, arg, cwd):
    """(exit status, stdout, stderr from after the program name)."""
    p = subprocess.run([program, arg], cwd=cwd, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    err = p.stderr.decode()
    # Both print "PROGRAM: can't ...", PROGRAM being how each was started.
    if ": can't " in err:
        err = err[err.index(": can't "):]
    return p.returncode, p.stdout.decode(), err


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        os.mkdir(os.path.join(self.dir, "nomain"))
        os.mkdir(os.path.join(self.dir, "withmain"))
        with open(os.path.join(self.dir, "withmain", "__main__.py"), "w") as f:
            f.write("import sys\nprint('main', sys.argv[0], __file__.endswith('__main__.py'))\n")

    def tearDown(self):
        self.tmp.cleanup()

    def same(self, arg):
        self.assertEqual(run(TRIBUTARY, arg, self.dir), run(PYTHON, arg, self.dir))

    def test_directory_without_main(self):
        self.same("nomain")
        self.same(os.path.join(self.dir, "nomain"))
        self.same(".")

    def test_directory_with_main(self):
        self.same("withmain")

    def test_missing_file(self):
        self.same("missing.py")
        self.same(os.path.join(self.dir, "missing.py"))


class StandardLibrary(unittest.TestCase):
    """CPython's pure-Python library comes from TRIBUTARY_STDLIB (else the
    directory meson found); without it, a standard module's import fails with
    CPython's ModuleNotFoundError plus a hint, and the native modules work."""

    def run_with(self, stdlib, code):
        env = dict(os.environ, TRIBUTARY_STDLIB=stdlib)
        p = subprocess.run([TRIBUTARY, "-c", code], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        return p.returncode, p.stdout.decode(), p.stderr.decode()

    def test_missing_library(self):
        status, out, err = self.run_with("/nonexistent/lib", "import math\nprint(math.sqrt(4.0))\nimport enum")
        self.assertEqual(status, 1)
        self.assertEqual(out, "2.0\n")
        last = err.strip().splitlines()[-1]
        self.assertTrue(last.startswith("ModuleNotFoundError: No module named 'enum' "), last)
        self.assertIn("libpython3.11-stdlib", last)
        self.assertIn("/nonexistent/lib", last)

    def test_library_on_sys_path(self):
        lib = subprocess.run([PYTHON, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
                             stdout=subprocess.PIPE, check=True).stdout.decode().strip()
        status, out, err = self.run_with(lib, "import sys, enum\nprint(sys.path[-1] == sys._stdlib_dir, enum.__file__.startswith(sys._stdlib_dir))")
        self.assertEqual((status, out), (0, "True True\n"), err)


# A hot loop with a branch, a float, a call and a residual helper: enough for
# traces, a bridge and promotion. It prints /proc/self/maps' executable
# ranges last, for the perf-map test.
HOT = """
def f(n):
    s = 0.0
    t = 0
    for i in range(n):
        if i % 3:
            s += i * 0.5
        else:
            t += len(str(i))
    return s, t
for k in range(20):
    r = f(3000)
print(r)
import sys
if sys.argv[-1] == 'maps':
    for line in open('/proc/self/maps'):
        parts = line.split()
        if 'x' in parts[1]:
            print('X', parts[0])
"""


def backends_built():
    out = subprocess.run([TRIBUTARY, "--version"], stdout=subprocess.PIPE, check=True).stdout.decode()
    line = [l for l in out.splitlines() if l.startswith("backends: ")][0]
    return line[len("backends: "):].split(" (")[0].split(", "), line


class Backends(unittest.TestCase):
    """The code generators: which are built in, MIR failures counted and
    harmless, tiered promotion, and the perf map of compiled code."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.script = os.path.join(self.tmp.name, "hot.py")
        with open(self.script, "w") as f:
            f.write(HOT)
        self.expected = subprocess.run([PYTHON, self.script], stdout=subprocess.PIPE, check=True).stdout.decode()

    def tearDown(self):
        self.tmp.cleanup()

    def run_jit(self, *args, script_args=()):
        stats = os.path.join(self.tmp.name, "stats.json")
        p = subprocess.Popen([TRIBUTARY, *args, "--jit-stats=json:" + stats, self.script, *script_args],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, 0, err.decode())
        with open(stats) as f:
            return out.decode(), json.load(f), p.pid

    def test_version_names_backends(self):
        names, line = backends_built()
        self.assertIn("lsra", names)
        self.assertIn("asmjit", names)
        if "mir" not in names:
            self.assertIn("MIR not found at build time", line)
        else:
            self.assertIn("tiered", names)

    def need_mir(self):
        if "mir" not in backends_built()[0]:
            self.skipTest("MIR backend not built (MIR not found at build time)")

    def test_mir_failures_counted(self):
        self.need_mir()
        out, stats, _ = self.run_jit("--backend=mir", "--jit-param", "backend_fail_every=1")
        self.assertEqual(out, self.expected)
        self.assertGreater(stats["aborts"]["BackendFailure"], 0)
        self.assertEqual(stats["code_bytes"], 0)
        out, stats, _ = self.run_jit("--backend=mir", "--jit-param", "backend_fail_every=2")
        self.assertEqual(out, self.expected)
        self.assertGreater(stats["aborts"]["BackendFailure"], 0)
        self.assertGreater(stats["code_bytes"], 0)

    def test_tiered_promotes(self):
        self.need_mir()
        out, stats, _ = self.run_jit("--backend=tiered", "--jit-param", "tier_up=2000")
        self.assertEqual(out, self.expected)
        self.assertGreaterEqual(stats["promoted"], 1)
        self.assertGreaterEqual(stats["hot_compiles"], 1)
        self.assertGreater(stats["hot_code_bytes"], 0)
        self.assertLess(stats["hot_seconds"], stats["backend_seconds"] + 1e-9)
        # The optimizing tier refusing every function: the quick tier's code stays.
        out, stats, _ = self.run_jit("--backend=tiered", "--jit-param", "tier_up=2000,backend_fail_every=1")
        self.assertEqual(out, self.expected)
        self.assertEqual(stats["promoted"], 0)
        self.assertGreater(stats["aborts"]["BackendFailure"], 0)

    def test_perf_map(self):
        for backend in backends_built()[0]:
            out, stats, pid = self.run_jit("--perf-map", "--backend=" + backend, script_args=("maps",))
            lines = out.splitlines()
            self.assertEqual(lines[0] + "\n", self.expected)
            ranges = [tuple(int(x, 16) for x in l.split()[1].split("-")) for l in lines[1:] if l.startswith("X ")]
            path = "/tmp/perf-%d.map" % pid
            try:
                with open(path) as f:
                    entries = [l.rstrip("\n").split(" ", 2) for l in f]
            finally:
                if os.path.exists(path):
                    os.unlink(path)
            self.assertGreater(len(entries), 0, backend)
            for addr, size, name in entries:
                a, n = int(addr, 16), int(size, 16)
                self.assertGreater(n, 0, name)
                self.assertTrue(any(lo <= a and a + n <= hi for lo, hi in ranges), "%s outside code: %s" % (backend, name))
                self.assertRegex(name, r"^(loop|function|bridge|chunk) f@hot\.py:\d+ \[generalize, \d+ blocks, (lsra|asmjit|mir)\]$")

    def test_gdb_jit(self):
        # GDB's JIT interface: at the program's end, each compiled code that
        # is still live is named by GDB as in the perf map; freed code is not.
        gdb = shutil.which("gdb")
        if not gdb:
            self.skipTest("gdb is not installed")
        probe = os.path.join(self.tmp.name, "probe.py")
        with open(probe, "w") as f:
            f.write(GDB_PROBE)
        for backend in backends_built()[0]:
            p = subprocess.run([gdb, "-nx", "-batch", "-ex", "set breakpoint pending on", "-ex", "break _exit",
                                "-ex", "run", "-ex", "source " + probe, "--args", TRIBUTARY, "--perf-map", "--gdb-jit",
                                "--backend=" + backend, self.script],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            out = p.stdout.decode()
            named = [l for l in out.splitlines() if l.startswith("NAMED ")]
            wrong = [l for l in out.splitlines() if l.startswith("WRONG ")]
            self.assertGreater(len(named), 0, backend + ": " + out[-2000:] + p.stderr.decode()[-2000:])
            self.assertEqual(wrong, [], backend)


GDB_PROBE = """
import gdb, os
pid = gdb.selected_inferior().pid
path = "/tmp/perf-%d.map" % pid
for line in open(path).read().splitlines():
    addr, size, name = line.split(" ", 2)
    said = gdb.execute("info symbol 0x%s" % addr, to_string=True).strip()
    if said.startswith(name + " in section .text"):
        print("NAMED", name)
    elif not said.startswith("No symbol matches"):
        print("WRONG", name, "|", said)
os.unlink(path)
"""


if __name__ == "__main__":
    unittest.main()
