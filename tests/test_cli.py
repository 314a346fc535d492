"""Command-line behaviour that script tests cannot reach: what `tributary PATH`
prints and exits with when PATH is a directory or a missing file, compared with
python3 (CPython 3.11) with the program name left out.

Usage: python3 -m unittest tests/test_cli.py   (TRIBUTARY=path/to/tributary,
default build/tributary).  Stdlib only.
"""
import os
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


if __name__ == "__main__":
    unittest.main()
