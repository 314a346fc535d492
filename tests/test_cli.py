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


if __name__ == "__main__":
    unittest.main()
