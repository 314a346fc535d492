#!/usr/bin/env python3
"""Shrink a program that Tributary runs differently from CPython.

    python3 tests/fuzz/minimize.py FILE.py MODE [-o OUT.py] [--tributary PATH]

MODE is a mode name of run.py (off, none, diamond, generalize, cap:2, adaptive,
cfg; the JIT modes carry run.py's eager --jit-param) or a quoted list of
Tributary arguments ("--jit=on --merge=cfg").  The program must run cleanly
on CPython and differ under MODE; the difference is classified as run.py does
(timeout, signal N, "exit N: <last stderr line>", or stdout), and a reduced
program is kept only if CPython still runs it without error and MODE still
differs in the same way.  For a stdout difference the reduced program must also
still agree with CPython under --jit=off when the original did, so the
reduction does not wander into an interpreter difference.

Reductions, repeated until none applies (all on the `ast`, so every candidate
is valid Python; candidates that do not compile are skipped):
  1. delta debugging (ddmin) over every statement list: module, function,
     class, loop, if, try bodies -- this also drops unused classes/functions
     (removing a used one makes CPython fail, so it is rejected);
  2. replacing a compound statement (if/for/while/try/with) by one of its
     bodies;
  3. halving int constants between 4 and 100000 (loop counts, thresholds,
     section arguments) while the difference remains.

The result is written to OUT.py (default FILE.min.py) with comment lines
giving the modes it fails under and the expected vs actual output.
"""
import argparse
import ast
import os
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run  # noqa: E402


class Oracle:
    """Decides whether a candidate program still shows the original difference."""

    def __init__(self, args, mode_args):
        self.args = args
        self.mode_args = mode_args
        self.tests = 0
        self.tmpdir = tempfile.mkdtemp(prefix="fuzz-min-")

    def outcomes(self, text, mode_args):
        path = os.path.join(self.tmpdir, "cand.py")
        with open(path, "w") as f:
            f.write(text)
        expected = run.run_one([self.args.python, path], self.args.py_timeout)
        if expected.timed_out or expected.status != 0:
            return expected, None
        got = run.run_one([self.args.tributary] + mode_args + [path], self.args.timeout,
                          run.STRICT_ENV)
        return expected, got

    def signature(self, text):
        """The kind of difference `text` shows under the mode, or None."""
        expected, got = self.outcomes(text, self.mode_args)
        if got is None or got.same_as(expected):
            return None
        return got.kind(expected)

    def off_agrees(self, text):
        expected, got = self.outcomes(text, run.MODES["off"])
        return got is not None and got.same_as(expected)

    def start(self, text):
        self.want = self.signature(text)
        if self.want is None:
            sys.exit("the program does not differ under the given mode")
        self.need_off = self.want == "stdout" and self.off_agrees(text)
        print("difference: %s%s" % (self.want, " (interpreter agrees)" if self.need_off else ""))

    def interesting(self, text):
        try:
            compile(text, "<candidate>", "exec")
        except (SyntaxError, ValueError):
            return False
        self.tests += 1
        if self.signature(text) != self.want:
            return False
        return not self.need_off or self.off_agrees(text)


def stmt_blocks(tree):
    """Every (node, field) holding a statement list, outermost first."""
    out = []
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            val = getattr(node, field, None)
            if isinstance(val, list) and val and isinstance(val[0], ast.stmt):
                out.append((node, field))
    return out


def with_block(tree, node, field, stmts):
    """Source of `tree` with node.field replaced by `stmts` (tree unchanged)."""
    old = getattr(node, field)
    if not stmts and field == "body":
        stmts = [ast.Pass()]
    setattr(node, field, stmts)
    try:
        return ast.unparse(ast.fix_missing_locations(tree))
    finally:
        setattr(node, field, old)


def ddmin(items, test):
    """Zeller's ddmin: a small sublist of `items` for which test(sublist) holds."""
    n = 2
    while len(items) >= 1:
        chunk = max(1, len(items) // n)
        parts = [items[k:k + chunk] for k in range(0, len(items), chunk)]
        reduced = False
        for k in range(len(parts)):
            rest = [x for j, p in enumerate(parts) if j != k for x in p]
            if test(rest):
                items, n, reduced = rest, max(n - 1, 2), True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(items), 2 * n)
    return items


def save(path, text):
    """Keep the smallest program so far (the run may be stopped any time)."""
    with open(path, "w") as f:
        f.write(text + "\n")


def reduce_blocks(text, oracle):
    """One pass of ddmin over every statement list; returns the new text."""
    index = 0
    while True:
        tree = ast.parse(text)
        blocks = stmt_blocks(tree)
        if index >= len(blocks):
            return text
        node, field = blocks[index]
        stmts = getattr(node, field)
        kept = ddmin(stmts, lambda sub: oracle.interesting(with_block(tree, node, field, sub)))
        if len(kept) < len(stmts):
            text = with_block(tree, node, field, kept)
            print("  %d lines (%d tests)" % (text.count("\n") + 1, oracle.tests), flush=True)
            save(oracle.args.output, text)
        index += 1


def reduce_compound(text, oracle):
    """Try replacing each compound statement by one of its bodies."""
    changed = True
    while changed:
        changed = False
        tree = ast.parse(text)
        for node, field in stmt_blocks(tree):
            stmts = getattr(node, field)
            for k, st in enumerate(stmts):
                options = []
                if isinstance(st, (ast.If, ast.For, ast.While)):
                    options = [st.body, st.orelse]
                elif isinstance(st, ast.Try):
                    options = [st.body, st.body + st.finalbody]
                elif isinstance(st, ast.With):
                    options = [st.body]
                for body in options:
                    if not body:
                        continue
                    cand = with_block(tree, node, field, stmts[:k] + body + stmts[k + 1:])
                    if oracle.interesting(cand):
                        text, changed = cand, True
                        break
                if changed:
                    break
            if changed:
                break
    return text


def reduce_constants(text, oracle):
    """Halve int constants in 4..100000 while the difference remains."""
    tree = ast.parse(text)
    count = sum(1 for n in ast.walk(tree) if isinstance(n, ast.Constant) and type(n.value) is int)
    for k in range(count):
        while True:
            tree = ast.parse(text)
            consts = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and type(n.value) is int]
            if k >= len(consts) or not 4 <= consts[k].value <= 100000:
                break
            consts[k].value //= 2
            cand = ast.unparse(tree)
            if not oracle.interesting(cand):
                break
            text = cand
    return text


def header(text, args, oracle):
    """Comment lines: the modes the reduced program fails under, expected vs actual."""
    failing = []
    for name, margs in run.MODES.items():
        expected, got = oracle.outcomes(text, margs)
        if got is not None and not got.same_as(expected):
            failing.append("%s (%s)" % (name, got.kind(expected)))
    expected, got = oracle.outcomes(text, oracle.mode_args)
    lines = ["# fails under: " + (", ".join(failing) or "none of run.py's modes"),
             "# minimized with: tributary %s" % " ".join(oracle.mode_args),
             "# expected (CPython): %s" % summary(expected),
             "# actual: %s" % (summary(got) if got else "-")]
    return "\n".join(lines) + "\n"


def summary(outcome):
    """The output of one run on one line."""
    out = outcome.stdout.strip().replace("\n", " | ") or "(no output)"
    if len(out) > 300:
        out = out[:300] + " ..."
    if outcome.timed_out:
        return "timeout; stdout: " + out
    end = "" if outcome.status == 0 else "  [exit %d: %s]" % (outcome.status, outcome.last)
    return out + end


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("mode", help="a run.py mode name or quoted Tributary arguments")
    ap.add_argument("-o", "--output")
    ap.add_argument("--tributary", default=run.DEFAULT_TRIBUTARY)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--timeout", type=float, default=5, help="CPU seconds per run")
    ap.add_argument("--py-timeout", type=float, default=5, help="CPU seconds per CPython run")
    args = ap.parse_args()
    args.tributary = os.path.abspath(args.tributary)
    mode_args = run.MODES.get(args.mode) or shlex.split(args.mode)
    with open(args.file) as f:
        text = ast.unparse(ast.parse(f.read()))
    args.output = args.output or os.path.splitext(args.file)[0] + ".min.py"
    oracle = Oracle(args, mode_args)
    oracle.start(text)
    while True:
        before = text
        text = reduce_blocks(text, oracle)
        text = reduce_compound(text, oracle)
        save(args.output, text)
        text = reduce_constants(text, oracle)
        save(args.output, text)
        if text == before:
            break
    save(args.output, header(text, args, oracle) + text)
    print("%d lines after %d tests -> %s" % (text.count("\n") + 1, oracle.tests, args.output))


if __name__ == "__main__":
    main()
