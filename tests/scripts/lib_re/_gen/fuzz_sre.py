#!/usr/bin/env python3
"""Differential fuzzer for _sre: random patterns, CPython's re compiler, both engines.

For each seed it writes a script (the same shape as sre_engine.py: patterns
rebuilt with _sre.compile from CPython's code words) over random patterns and
subjects, runs it under python3 and Tributary, and reports seeds whose output
differs (kept in --keep). CPython's SystemError for a group ending before its
start is RuntimeError in Tributary, so that name is normalized.

Usage: python3 tests/scripts/lib_re/_gen/fuzz_sre.py --tributary build/tributary [--seeds 50] [--unicode]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_sre_engine as gen  # noqa: E402

ASCII_ATOMS = ["a", "b", "c", ".", "[ab]", "[^a]", "\\w", "\\d", "\\s", "x", "A", "\u00e9", "\\b", "^", "$"]
ASCII_TEXT = "abcxA \u00e9\n1"
UNI_ATOMS = ["a", "K", "\u00e9", "\u00c9", "\u03c3", "\u03a3", "\u03c2", "[\u0400-\u04ff]", "\u0130", "i", "\u0131",
             "s", "\u017f", "\u212a", "k", "[a-z]", "[^k]", "\u00df", "\u1e9e", "[\u00c0-\u00df]", "\\w", "\u1f00"]
UNI_TEXT = "aKk\u212a\u00e9\u00c9\u03c3\u03a3\u03c2\u0430\u0410iI\u0130\u0131s\u017fS\u00df\u1e9e\u1f08\u1f00"


def pattern(rnd, atoms, depth=0):
    r = rnd.random()
    if depth > 4 or r < 0.25:
        return rnd.choice(atoms)
    if r < 0.45:
        return "".join(pattern(rnd, atoms, depth + 1) for _ in range(rnd.randint(2, 3)))
    if r < 0.55:
        return "|".join(pattern(rnd, atoms, depth + 1) for _ in range(rnd.randint(2, 3)))
    inner = pattern(rnd, atoms, depth + 1)
    if r < 0.7:
        wrap = rnd.choice(["(%s)", "(?:%s)", "(?P<n%d>%%s)" % rnd.randint(0, 99), "(?>%s)", "(?=%s)", "(?!%s)"])
        return wrap % inner
    if inner in ("", "^", "$", "\\b"):
        inner = "a"
    quant = rnd.choice(["*", "+", "?", "{0,2}", "{1,3}", "{2}"]) + rnd.choice(["", "", "?", "+"])
    return ("(?:%s)" % inner if len(inner) > 1 and not inner.startswith("(") else inner) + quant


def script(seed, unicode_mode, count=150):
    rnd = random.Random(seed)
    atoms, text = (UNI_ATOMS, UNI_TEXT) if unicode_mode else (ASCII_ATOMS, ASCII_TEXT)
    flag_choices = [re.I, re.I, 0, re.I | re.A] if unicode_mode else [0, 0, re.I, re.M, re.S, re.A]
    lines = []
    while len(lines) < count * 7:
        pat = pattern(rnd, atoms)
        try:
            groups = re.compile(pat).groups
        except re.error:
            continue
        if groups and rnd.random() < 0.3:  # a backreference or a conditional on a group
            k = rnd.randint(1, groups)
            extended = pat + rnd.choice(["\\%d" % k, "(?(%d)a|b)" % k])
            try:
                re.compile(extended)
                pat = extended
            except re.error:
                pass
        try:
            args = gen.compile_args(pat, rnd.choice(flag_choices))
        except (re.error, RecursionError, OverflowError):
            continue
        lines.append("p = " + gen.literal(args))
        for _ in range(3):
            s = "".join(rnd.choice(text) for _ in range(rnd.randint(0, 14)))
            lines.append("run(p, %r)" % s)
            lines.append("try:\n    print(p.split(%r), p.sub(lambda m: '<' + m.group() + '>', %r),"
                         " [m.span() for m in p.finditer(%r)])\nexcept Exception as e:\n    print('error')"
                         % (s, s, s))
    return gen.HEADER % ("fuzz seed %d" % seed) + "\n".join(lines) + "\n"


def run(cmd, path):
    try:
        r = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=120)
        return (r.stdout + r.stderr.split("\n")[-2:][0]).replace("SystemError", "RuntimeError"), r.returncode
    except subprocess.TimeoutExpired:
        return "timeout", -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tributary", required=True)
    ap.add_argument("--seeds", type=int, default=50)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--unicode", action="store_true", help="case-insensitive Unicode letters")
    ap.add_argument("--keep", default=tempfile.gettempdir())
    args = ap.parse_args()
    failed = []
    for seed in range(args.first, args.first + args.seeds):
        path = os.path.join(args.keep, "sre_fuzz_%d.py" % seed)
        with open(path, "w") as f:
            f.write(script(seed, args.unicode))
        want, _ = run([sys.executable], path)
        got, rc = run([os.path.abspath(args.tributary)], path)
        if want == "timeout":
            os.remove(path)
            continue
        if got != want or rc < 0:
            failed.append(seed)
            print("seed %d differs (rc %d): %s" % (seed, rc, path))
        else:
            os.remove(path)
    print("%d seeds, %d differ" % (args.seeds, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
