# CPython's argparse parsing command lines: positionals, options, actions,
# choices, subcommands, mutually exclusive groups, help text and the errors.
# (The help width is given: shutil, which argparse asks for the terminal's,
# does not import yet.)
import argparse
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def formatter(prog):
    return argparse.HelpFormatter(prog, width=78)


p = argparse.ArgumentParser(prog="tool", description="A tool.", epilog="Bye.", formatter_class=formatter)
p.add_argument("files", nargs="+", help="input files")
p.add_argument("-n", "--count", type=int, default=3, help="how many (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--mode", choices=["a", "b"], default="a")
p.add_argument("-I", action="append", dest="incs", default=[], metavar="DIR")
p.add_argument("--flag", action="store_true")
p.add_argument("--no-x", dest="x", action="store_false")
p.add_argument("--pair", nargs=2, type=float)
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--version", action="version", version="%(prog)s 1.0")
ns = p.parse_args(["x.py", "y.py", "-n", "5", "-vv", "--mode=b", "-I", "inc1", "-Iinc2", "--pair", "1", "2.5"])
print(ns)
print(sorted(vars(ns).items()))
print(p.format_help())
print(p.format_usage(), end="")
print(p.parse_known_args(["a", "--unknown", "-n1"]))
print(p.parse_args(["--", "-n"]), p.parse_args(["f", "--const", "--no-x"]).const)


def run(parser, argv):
    real = sys.stderr, sys.stdout
    sys.stderr = sys.stdout = cap = Capture()
    try:
        print("ok", parser.parse_args(argv), file=real[1])
    except SystemExit as e:
        sys.stderr, sys.stdout = real
        print("exit", e.code, repr("".join(cap.parts)))
    finally:
        sys.stderr, sys.stdout = real


for argv in (["--count", "abc", "f"], [], ["f", "--mode", "c"], ["f", "--pair", "1"], ["f", "--bogus"], ["--version"],
             ["f", "--cou", "2"], ["-h"]):
    run(p, argv)

top = argparse.ArgumentParser(prog="git", formatter_class=formatter)
top.add_argument("--debug", action="store_true")
subs = top.add_subparsers(dest="cmd", required=True, help="commands")
c = subs.add_parser("commit", help="record changes")
c.add_argument("-m", "--message", required=True)
c.add_argument("--amend", action="store_true")
pu = subs.add_parser("push")
pu.add_argument("remote", nargs="?", default="origin")
pu.set_defaults(force=False)
g = pu.add_mutually_exclusive_group()
g.add_argument("--tags", action="store_true")
g.add_argument("--all", action="store_true")
print(top.parse_args(["commit", "-m", "msg", "--amend"]))
print(top.parse_args(["--debug", "push"]), top.parse_args(["push", "up", "--tags"]))
for argv in (["push", "--tags", "--all"], ["commit"], [], ["pull"]):
    run(top, argv)
print(top.format_help())
