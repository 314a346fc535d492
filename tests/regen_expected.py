#!/usr/bin/env python3
"""Regenerate tests/scripts/**/X.out and X.err by running python3.

Usage: python3 tests/regen_expected.py [paths...]

For each X.py (cwd = its directory, script given by basename):
  X.out gets the exact stdout;
  X.err is written only when the exit status is non-zero:
      exit: N
      last: <last non-empty stderr line>
  and removed otherwise.
Scripts under tests/scripts/unsupported/ are skipped (their .out/.err
files are hand-written).  Stdlib only.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.join(HERE, "scripts")
PYTHON = os.environ.get("REGEN_PYTHON", "python3")


def find_scripts(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        # Folders starting with "_" hold helper modules, not tests.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("_"))
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                out.append(os.path.join(dirpath, fn))
    return out


def is_unsupported(path):
    rel = os.path.relpath(os.path.abspath(path), SCRIPTS_DIR)
    return rel.split(os.sep)[0] == "unsupported"


def regen(script):
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    proc = subprocess.run([PYTHON, os.path.basename(script)],
                          cwd=os.path.dirname(script),
                          stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60, env=env)
    base = script[:-3]
    with open(base + ".out", "wb") as f:
        f.write(proc.stdout)
    if proc.returncode != 0:
        last = ""
        for line in reversed(proc.stderr.decode("utf-8", "replace")
                             .splitlines()):
            if line.strip():
                last = line.strip()
                break
        with open(base + ".err", "w", encoding="utf-8") as f:
            f.write("exit: %d\nlast: %s\n" % (proc.returncode, last))
    elif os.path.exists(base + ".err"):
        os.remove(base + ".err")
    return proc.returncode


def main(argv):
    targets = []
    for a in argv or [SCRIPTS_DIR]:
        if os.path.isdir(a):
            targets.extend(find_scripts(a))
        elif a.endswith(".py") and os.path.isfile(a):
            targets.append(os.path.abspath(a))
        else:
            print("skipping %r (not a .py file or directory)" % a,
                  file=sys.stderr)
    n = 0
    for s in targets:
        if is_unsupported(s):
            continue
        rc = regen(os.path.abspath(s))
        n += 1
        if rc != 0:
            print("%s: exit %d" % (os.path.relpath(s, SCRIPTS_DIR), rc))
    print("regenerated %d scripts" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
