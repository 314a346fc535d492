#!/usr/bin/env python3
"""Seeded generator of random Python programs that stress Tributary's JIT.

    python3 tests/fuzz/gen.py SEED            # the program for SEED on stdout
    python3 tests/fuzz/gen.py SEED -o FILE    # ... written to FILE

The same SEED always gives the same program (the generator uses only its own
random.Random(SEED)).  Programs stay inside the subset listed in the README
("The supported subset"), are deterministic (no id(), no hash(), no iteration
over sets of strings), finish in well under 0.2 s on CPython and print what
they computed, so their stdout can be compared between CPython and every
Tributary execution mode (see run.py).

How a program is built.  A program is a prelude of shared definitions (a small
class hierarchy, helper functions, globals) followed by 2-4 *sections*.  A
section is one hot loop (a `for` over range(N) or a `while`, N in 100..400) at
module level or inside a function that is called twice, so its traces are
entered again with other values.  The loop body is a sequence of *fragments*:
small statement templates, each aimed at one thing a tracing JIT specializes
on (a value whose type changes mid-loop, ints overflowing into big ints, float
specials, `is None` defaults, polymorphic method calls, monkey-patching a
method, a class attribute or a global mid-loop, generators, exceptions caught
in the loop, closures with nonlocal, *args/**kwargs calls, nested loops,
break/continue, string building, container operations).  Fragments compose:
the nested-loop, while and if fragments hold other fragments.

A fragment returns a Frag: `setup` lines run once before the loop, `body`
lines run every iteration (indented relative to the loop body), `report`
expressions are printed after the loop, and `prelude` lines are module-level
definitions it needs.  Names a fragment introduces carry a unique suffix, so
fragments never clash.
"""
import argparse
import random
import sys

IND = "    "


def indent(lines, levels=1):
    """Return `lines` shifted right by `levels` indentation steps."""
    return [IND * levels + line if line else line for line in lines]


class Frag:
    """What one fragment contributes to its section and to the program."""

    def __init__(self, setup=(), body=(), report=(), prelude=(), globals_=()):
        self.setup = list(setup)
        self.body = list(body)
        self.report = list(report)
        self.prelude = list(prelude)
        self.globals = list(globals_)  # module globals the loop body assigns

    def absorb(self, other):
        """Take over everything of `other` except its body (used by wrappers)."""
        self.setup += other.setup
        self.report += other.report
        self.prelude += other.prelude
        self.globals += other.globals


class Loop:
    """The loop a fragment is placed in: its variable and iteration count."""

    def __init__(self, var, n, depth):
        self.var = var
        self.n = n          # number of iterations (an int known at generation time)
        self.depth = depth  # 0 for the section's hot loop, >0 inside nested loops


class Gen:
    """Random program generator; all randomness comes from self.rng."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.counter = 0
        self.classes = []   # (name, parent, overridden method names)
        self.prelude = []

    # -- small helpers ---------------------------------------------------
    def fresh(self, stem):
        self.counter += 1
        return "%s_%d" % (stem, self.counter)

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def point(self, loop, lo=0.2, hi=0.8):
        """An iteration index inside the loop, for mid-loop changes."""
        return self.rng.randint(int(loop.n * lo), max(int(loop.n * lo), int(loop.n * hi)))

    def sparse(self, loop):
        """A condition true on a handful of iterations (for sparse printing)."""
        p = self.pick([37, 53, 71, 97])
        return "%s %% %d == %d" % (loop.var, p, self.rng.randrange(p))

    def num_const(self):
        return self.pick(["3", "7", "-2", "1.5", "0.25", "-3.75", "1000003", "2**40"])

    # -- the class hierarchy shared by a program --------------------------
    def make_classes(self):
        """Emit a small hierarchy with overridden and inherited methods."""
        base = "Shape%d" % self.rng.randrange(100)
        lines = [
            "class %s:" % base,
            "    factor = %s" % self.pick(["2", "3", "0.5"]),
            "    def __init__(self, x):",
            "        self.x = x",
            "    def val(self):",
            "        return self.x * self.factor",
            "    def scale(self, k):",
            "        return self.val() + k",
            "    def kind(self):",
            "        return 'base'",
            "",
        ]
        self.classes.append((base, None))
        names = [base]
        for n in range(self.rng.randint(2, 4)):
            name = "%s_%s" % (base, "ABCD"[n])
            parent = self.pick(names)
            body = []
            if self.chance(0.6):
                body += ["    def val(self):",
                         "        return self.x %s %s" % (self.pick(["+", "-", "*"]),
                                                          self.pick(["1", "2.5", "10", "self.factor"]))]
            if self.chance(0.4):
                body += ["    def scale(self, k):",
                         "        return super().scale(k) %s 1" % self.pick(["+", "*"])]
            if self.chance(0.5):
                body += ["    def kind(self):",
                         "        return %r" % name.lower()[-1]]
            if self.chance(0.3):
                body += ["    factor = %s" % self.pick(["4", "1.25", "-1"])]
            if not body:
                body = ["    pass"]
            lines += ["class %s(%s):" % (name, parent)] + body + [""]
            self.classes.append((name, parent))
            names.append(name)
        if self.chance(0.6):
            # an unrelated tree with the same method names (duck typing)
            other = "Other%d" % self.rng.randrange(100)
            lines += ["class %s:" % other,
                      "    factor = %s" % self.pick(["1", "0.5"]),
                      "    def __init__(self, x):", "        self.x = x",
                      "    def val(self):", "        return %s" % self.pick(["7", "self.x", "-self.x * 2"]),
                      "    def scale(self, k):", "        return k",
                      "    def kind(self):", "        return 'other'", "",
                      "class %s_Sub(%s):" % (other, other),
                      "    def kind(self):", "        return 'osub'", ""]
            self.classes += [(other, None), (other + "_Sub", other)]
        self.prelude += lines

    def class_names(self):
        return [c[0] for c in self.classes]

    # -- fragments --------------------------------------------------------
    def f_type_change(self, loop):
        """A value that is int, then float, then None, then str mid-loop."""
        v, t = self.fresh("v"), self.fresh("t")
        kinds = ["%s * %d" % (loop.var, self.rng.randint(1, 5)),
                 "%s / %s" % (loop.var, self.pick(["4", "3.0", "8"])),
                 "None",
                 self.pick(["str(%s)" % loop.var, "'x' * (%s %% 4)" % loop.var, "'q%%d' %% %s" % loop.var])]
        if self.chance(0.3):
            self.rng.shuffle(kinds)
        if self.chance(0.5):
            # phases: the type changes a few times, each change sticks
            cuts = sorted(self.rng.sample(range(1, max(loop.n, 4)), 3))
            conds = ["%s < %d" % (loop.var, c) for c in cuts]
        else:
            # periods: the types alternate all along, so the exits get hot and merge
            conds = ["%s %% %d == %d" % (loop.var, p, self.rng.randrange(p))
                     for p in self.rng.sample([2, 3, 5, 7, 11, 18, 22], 3)]
        body = ["if %s:" % conds[0], "    %s = %s" % (v, kinds[0]),
                "elif %s:" % conds[1], "    %s = %s" % (v, kinds[1]),
                "elif %s:" % conds[2], "    %s = %s" % (v, kinds[2]),
                "else:", "    %s = %s" % (v, kinds[3]),
                "if %s is None:" % v, "    %s = %s" % (v, self.num_const())]
        style = self.rng.randrange(3)
        if style == 0:
            body += ["if isinstance(%s, str):" % v, "    %s = %s + len(%s)" % (t, t, v),
                     "else:", "    %s = %s + %s" % (t, t, v)]
        elif style == 1:
            body += ["try:", "    %s += %s" % (t, v),
                     "except TypeError:", "    %s += len(%s) + 100" % (t, v)]
        else:
            body += ["%s = %s + (len(%s) if type(%s) is str else %s)" % (t, t, v, v, v)]
        if self.chance(0.3):
            body += ["if %s:" % self.sparse(loop), "    print('tc', %s, %s)" % (loop.var, v)]
        return Frag(setup=["%s = 0" % v, "%s = 0" % t], body=body, report=[t, v])

    def f_bigint(self, loop):
        """Ints that overflow 64 bits: LCG steps, 2**62-ish values, big products."""
        s = self.fresh("big")
        style = self.rng.randrange(5)
        if style == 0:
            setup = ["%s = %d" % (s, self.rng.randrange(1, 1000))]
            if self.chance(0.5):
                body = ["%s = (%s * 6364136223846793005 + 1442695040888963407) %s" % (
                    s, s, self.pick(["& 0xFFFFFFFFFFFFFFFF", "% 2**64"]))]
            else:
                body = ["%s = (%s * 6364136223846793005 + %s) %% (%s)" % (
                    s, s, loop.var, self.pick(["2**61 - 1", "2**63 + 9", "1000000007"]))]
            report = ["%s %% 1000003" % s, "%s >> 40" % s]
        elif style == 1:
            setup = ["%s = %s" % (s, self.pick(["2**62 - 7", "4611686018427387900", "-(2**63)", "2**63 - 2"]))]
            body = ["%s = %s %s %s" % (s, s, self.pick(["+", "-"]), loop.var),
                    "%s = %s %s" % (self.fresh("w"), s, self.pick(["* 2", "+ %s" % s, "- 2**63", "// 3", "% 1000"]))]
            report = [s]
        elif style == 2:
            setup = ["%s = 1" % s]
            mult = self.pick(["3", "7", "2**31 - 1", "1000003"])
            body = ["%s = %s * %s + %s" % (s, s, mult, loop.var)]
            report = ["%s %% 1000000007" % s, "%s > 2**100" % s]
        elif style == 3:
            x = self.fresh("x")
            setup = ["%s = 0" % s]
            body = ["%s = %s * %s" % (x, loop.var, self.pick(["4611686018427387904", "2**62 + 1", "10**18", "-(2**61)"])),
                    "%s = (%s + %s // (%s + 1)) %% (2**70)" % (s, s, x, loop.var)]
            report = [s]
        else:
            setup = ["%s = 1" % s]
            body = ["%s = %s + pow(%s, %d, %s) + %s ** %d %% 97" % (
                s, s, loop.var, self.rng.randint(3, 9), self.pick(["1000003", "2**64"]),
                loop.var, self.rng.randint(5, 25))]
            report = [s]
        if self.chance(0.3):
            body += ["if %s:" % self.sparse(loop), "    print('big', %s, %s)" % (loop.var, s)]
        return Frag(setup=setup, body=body, report=report)

    def f_float_special(self, loop):
        """inf, nan and -0.0 flowing through arithmetic, comparisons and printing."""
        f, z, cnt, out = self.fresh("f"), self.fresh("fz"), self.fresh("nan"), self.fresh("fs")
        p = self.rng.randint(5, 11)
        specials = ["float('inf')", "-0.0", "float('nan')", "-float('inf')", "1e308 * 10", "0.0"]
        self.rng.shuffle(specials)
        body = ["if %s %% %d == 0:" % (loop.var, p), "    %s = %s" % (f, specials[0]),
                "elif %s %% %d == 1:" % (loop.var, p), "    %s = %s" % (f, specials[1]),
                "elif %s %% %d == 2:" % (loop.var, p), "    %s = %s" % (f, specials[2]),
                "else:", "    %s = %s / %s" % (f, loop.var, self.pick(["7", "3.5", "-2"]))]
        style = self.rng.randrange(3)
        if style == 0:
            body += ["if %s != %s:" % (f, f), "    %s += 1" % cnt,
                     "elif %s == float('inf') or %s == -float('inf'):" % (f, f), "    %s += 10" % cnt,
                     "else:", "    %s = %s + %s" % (z, z, f)]
        elif style == 1:
            body += ["%s = %s %s %s" % (z, z, self.pick(["+", "-"]), f),
                     "if math.isnan(%s) or math.isinf(%s):" % (f, f), "    %s += 1" % cnt]
        else:
            body += ["%s = max(%s, %s * 0.5)" % (z, z, f),
                     "%s += math.copysign(1.0, %s) < 0" % (cnt, f)]
        body += ["if %s:" % self.sparse(loop),
                 "    %s.append(%s)" % (out, self.pick(["repr(%s)" % f, "str(-%s)" % f,
                                                         "f'{%s:.3f}'" % f, "'%%g' %% %s" % f,
                                                         "'%%r/%%r' %% (%s, %s * 0)" % (f, f)]))]
        return Frag(setup=["%s = 0.0" % f, "%s = 0.0" % z, "%s = 0" % cnt, "%s = []" % out],
                    body=body, report=[z, cnt, out, "repr(%s)" % f], prelude=["import math"])

    def f_none_default(self, loop):
        """Calls of a function whose `is None` defaults are filled in per call."""
        fn, acc = self.fresh("dflt"), self.fresh("nd")
        defs = [self.pick(["3", "-1", "2**62", "7"]), self.pick(["2.5", "0.5", "-0.0"]),
                self.pick(["'ab'", "''", "'xyz'"])]
        self.prelude += ["def %s(a=None, b=None, c=None):" % fn,
                         "    if a is None:", "        a = %s" % defs[0],
                         "    if b is None:", "        b = %s" % defs[1],
                         "    if c is None:", "        c = %s" % defs[2],
                         "    return a * b + len(c)", ""]
        i = loop.var
        args = ["%s if %s %% %d else None" % (i, i, self.rng.randint(2, 4)),
                "None if %s %% %d == 0 else %s / 4" % (i, self.rng.randint(2, 5), i),
                "c=None if %s %% %d else 'q' * (%s %% 3)" % (i, self.rng.randint(2, 7), i)]
        call = "%s(%s)" % (fn, ", ".join(args[:self.rng.randint(1, 3)]))
        return Frag(setup=["%s = 0" % acc], body=["%s = %s + %s" % (acc, acc, call)], report=[acc])

    def f_poly(self, loop):
        """Polymorphic method calls over a list of instances of several classes."""
        objs, acc, kinds = self.fresh("objs"), self.fresh("pm"), self.fresh("kinds")
        names = self.class_names()
        items = ", ".join("%s(%s)" % (self.pick(names), self.pick(["1", "2", "3.5", "-4", "2**62"]))
                          for _ in range(self.rng.randint(3, 6)))
        setup = ["%s = [%s]" % (objs, items), "%s = 0" % acc, "%s = ''" % kinds]
        o = self.fresh("o")
        one_at_a_time = self.chance(0.5)
        if one_at_a_time:
            body = ["%s = %s[%s %% len(%s)]" % (o, objs, loop.var, objs)]
        else:
            body = ["for %s in %s:" % (o, objs)]
        call = self.pick(["%s.val()" % o, "%s.scale(%s)" % (o, loop.var), "%s.val() * %s.factor" % (o, o)])
        stmt = ["%s = %s + %s" % (acc, acc, call)]
        if self.chance(0.4):
            stmt += ["if %s:" % self.sparse(loop), "    %s += %s.kind()" % (kinds, o)]
        body += stmt if one_at_a_time else indent(stmt)
        if self.chance(0.3):
            body += ["if %s == %d:" % (loop.var, self.point(loop)),
                     "    %s.append(%s(%s))" % (objs, self.pick(names), self.pick(["0.5", "9", "None or 1"]))]
        return Frag(setup=setup, body=body, report=[acc, kinds])

    def f_patch(self, loop):
        """Monkey-patch a method or a class attribute at one iteration, then keep calling."""
        cls = self.pick(self.class_names())
        other = self.pick(self.class_names())
        objs, acc = self.fresh("pobjs"), self.fresh("pt")
        k = self.point(loop)
        what = self.rng.randrange(4)
        if what == 0:
            patch = ["%s.val = lambda self: %s" % (cls, self.pick(["self.x * 3", "-self.x", "self.x + 0.5", "None or 7"]))]
        elif what == 1:
            patch = ["%s.factor = %s" % (cls, self.pick(["2.5", "10", "-1", "2**63"]))]
        elif what == 2:
            fn = self.fresh("newscale")
            self.prelude += ["def %s(self, k):" % fn, "    return k * 2 - self.x", ""]
            patch = ["%s.scale = %s" % (cls, fn)]
        else:
            patch = ["%s[0].x = %s" % (objs, self.pick(["1.5", "2**64", "-3"]))]
        setup = ["%s = [%s(1), %s(2), %s(3.0)]" % (objs, cls, other, cls), "%s = 0" % acc]
        o = self.fresh("po")
        body = ["if %s == %d:" % (loop.var, k)] + indent(patch) + [
            "for %s in %s:" % (o, objs),
            "    %s = %s + %s" % (acc, acc, self.pick(["%s.val()" % o, "%s.scale(1)" % o]))]
        return Frag(setup=setup, body=body, report=[acc])

    def f_global(self, loop):
        """A global read by an inlined helper is rebound (to another type) mid-loop."""
        g, fn, acc = self.fresh("G"), self.fresh("useg"), self.fresh("gl")
        self.prelude += ["%s = %s" % (g, self.pick(["10", "3", "2**61"])),
                         "def %s(x):" % fn, "    return x + %s" % g, ""]
        k = self.point(loop)
        newval = self.pick(["2.5", "2**64", "-7", "0.0"])
        body = ["%s = %s + %s(%s)" % (acc, acc, fn, loop.var),
                "if %s == %d:" % (loop.var, k), "    %s = %s" % (g, newval)]
        glob = [g]
        if self.chance(0.3):
            # rebind the helper function itself
            fn2 = self.fresh("useg")
            self.prelude += ["def %s(x):" % fn2, "    return x * 2 - %s" % g, ""]
            body += ["if %s == %d:" % (loop.var, self.point(loop)), "    %s = %s" % (fn, fn2)]
            glob.append(fn)
        return Frag(setup=["%s = 0" % acc], body=body, report=[acc, g], globals_=glob)

    def f_gen(self, loop):
        """for-loops over generators with conditional yields, and sum() over genexprs."""
        gn, acc = self.fresh("gen"), self.fresh("gs")
        self.prelude += ["def %s(n):" % gn,
                         "    for j in range(n):",
                         "        if j %% %d == 0:" % self.rng.randint(2, 3),
                         "            yield j * %s" % self.pick(["2", "1.5", "2**62"]),
                         "        elif j %% %d == 1:" % self.rng.randint(3, 4),
                         "            yield %s" % self.pick(["j + 0.5", "-j", "None", "j"]),
                         "    yield %s" % self.pick(["-1", "0.25"]), ""]
        g = self.fresh("g")
        style = self.rng.randrange(3)
        if style == 0:
            body = ["for %s in %s(%s %% %d):" % (g, gn, loop.var, self.rng.randint(3, 7)),
                    "    if %s is None:" % g, "        %s = 1" % g,
                    "    %s = %s + %s" % (acc, acc, g)]
        elif style == 1:
            body = ["%s = %s + sum(x for x in %s(%s %% 5) if x is not None)" % (acc, acc, gn, loop.var)]
        else:
            it = self.fresh("it")
            body = ["%s = %s(%s %% 4 + 1)" % (it, gn, loop.var),
                    "%s = next(%s, 0)" % (g, it),
                    "%s = %s + (0 if %s is None else %s)" % (acc, acc, g, g),
                    "%s = %s + sum(x * x for x in range(%s %% 6))" % (acc, acc, loop.var)]
        return Frag(setup=["%s = 0" % acc], body=body, report=[acc])

    def f_exc(self, loop):
        """Exceptions raised and caught inside the loop."""
        err, acc = self.fresh("err"), self.fresh("ex")
        i = loop.var
        style = self.rng.randrange(6)
        p = self.rng.randint(3, 9)
        prelude, setup = [], ["%s = 0" % err, "%s = 0" % acc]
        if style == 0:
            body = ["try:", "    %s += int('q' if %s %% %d == 0 else str(%s))" % (acc, i, p, i),
                    "except ValueError:", "    %s += 1" % err]
        elif style == 1:
            body = ["try:", "    %s += 1000 // (%s %% %d)" % (acc, i, p),
                    "except ZeroDivisionError:", "    %s += 1" % err]
            if self.chance(0.5):
                body += ["else:", "    %s += 2" % acc]
        elif style == 2:
            d = self.fresh("dk")
            setup.append("%s = {}" % d)
            body = ["try:", "    %s += %s[%s %% %d]" % (acc, d, i, p),
                    "except KeyError as e:", "    %s += 1" % err, "    %s[e.args[0]] = %s" % (d, i)]
        elif style == 3:
            lst = self.fresh("lk")
            setup.append("%s = []" % lst)
            body = ["try:", "    %s += %s[%s %% %d]" % (acc, lst, i, p + 4),
                    "except IndexError:", "    %s += 1" % err, "    %s.append(%s)" % (lst, i)]
        elif style == 4:
            cls, fn = self.fresh("FuzzError"), self.fresh("check")
            base = self.pick(["Exception", "ValueError"])
            prelude = ["class %s(%s):" % (cls, base), "    pass", "",
                       "def %s(x):" % fn, "    if x %% %d == %d:" % (p, self.rng.randrange(p)),
                       "        raise %s(x)" % cls, "    return x * 2", ""]
            handler = self.pick([cls, base])
            body = ["try:", "    %s += %s(%s)" % (acc, fn, i),
                    "except %s as e:" % handler, "    %s += e.args[0] %% 5 + 1" % err]
        else:
            body = ["try:",
                    "    try:",
                    "        if %s %% %d == 0:" % (i, p),
                    "            raise KeyError(%s)" % i,
                    "        %s += [1, 2][%s %% 3]" % (acc, i),
                    "    finally:",
                    "        %s += 1" % acc,
                    "except (KeyError, IndexError) as e:",
                    "    %s += 1" % err]
        self.prelude += prelude
        return Frag(setup=setup, body=body, report=[acc, err])

    def f_closure(self, loop):
        """A closure with nonlocal state called from the loop."""
        mk, st, acc = self.fresh("make"), self.fresh("step"), self.fresh("cl")
        self.prelude += ["def %s(start):" % mk, "    c = start",
                         "    def step(k):", "        nonlocal c",
                         "        c = c %s k" % self.pick(["+", "*", "-"]),
                         "        if c > %s:" % self.pick(["1000", "2**64"]), "            c = c %% %s" % self.pick(["97", "1000003"]),
                         "        return c", "    return step", ""]
        body = ["%s = %s + %s(%s %% %d + 1)" % (acc, acc, st, loop.var, self.rng.randint(2, 6))]
        if self.chance(0.3):
            body += ["if %s == %d:" % (loop.var, self.point(loop)),
                     "    %s = %s(%s)" % (st, mk, self.pick(["0.5", "-3", "2**62"]))]
        return Frag(setup=["%s = %s(%s)" % (st, mk, self.pick(["0", "1", "2.5"])), "%s = 0" % acc],
                    body=body, report=[acc])

    def f_string(self, loop):
        """String building and formatting."""
        s = self.fresh("s")
        i = loop.var
        ops = [["%s += chr(97 + %s %% 26)" % (s, i)],
               ["%s += f'{%s:03d}'" % (s, i)],
               ["%s += '%%d,' %% (%s %% 10)" % (s, i)],
               ["%s = %s.replace('a', 'A')" % (s, s)],
               ["if len(%s) > %d:" % (s, self.rng.randint(10, 40)), "    %s = %s[%d:]" % (s, s, self.rng.randint(1, 8))],
               ["%s += '{}-'.format(%s %% 7)" % (s, i)],
               ["%s = %s[::-1] if %s %% 17 == 0 else %s" % (s, s, i, s)]]
        body = []
        for op in self.rng.sample(ops, self.rng.randint(2, 4)):
            body += op
        body += ["if len(%s) > 60:" % s, "    %s = %s[-30:]" % (s, s)]
        return Frag(setup=["%s = ''" % s], body=body, report=[s, "len(%s)" % s])

    def f_containers(self, loop):
        """List, dict and tuple operations."""
        l, d, t, acc = self.fresh("l"), self.fresh("d"), self.fresh("tp"), self.fresh("ct")
        i = loop.var
        ops = [["%s.append(%s * %s)" % (l, i, self.pick(["2", "0.5", "-1"])), "if len(%s) > 8:" % l, "    %s.pop(0)" % l],
               ["%s[%s %% 5] = %s.get(%s %% 5, 0) + %s" % (d, i, d, i, i)],
               ["%s = (%s[1], %s[0] + %s)" % (t, t, t, i)],
               ["%s = %s + sum(%s[::2])" % (acc, acc, l)],
               ["%s = %s + len([x for x in %s if x > 3])" % (acc, acc, l)],
               ["if %s %% 7 in %s:" % (i, d), "    del %s[%s %% 7]" % (d, i)],
               ["%s += {k: v for k, v in %s.items() if k %% 2}.get(1, 0)" % (acc, d)],
               ["if %s:" % l, "    a, *rest = %s" % l, "    %s = %s + a + len(rest)" % (acc, acc)],
               ["%s[0:1] = [%s, %s // 2]" % (l, i, i), "del %s[-1]" % l]]
        body = []
        for op in self.rng.sample(ops, self.rng.randint(2, 5)):
            body += op
        return Frag(setup=["%s = [1]" % l, "%s = {}" % d, "%s = (0, 1)" % t, "%s = 0" % acc],
                    body=body, report=[acc, "%s[-3:]" % l, "sorted(%s.items())" % d, "%s[0] %% 1000003" % t])

    def f_varargs(self, loop):
        """Calls with *args and **kwargs into an inlined function."""
        fn, acc = self.fresh("va"), self.fresh("vk")
        self.prelude += ["def %s(a, *args, scale=1, **kw):" % fn,
                         "    return (a + sum(args)) * scale + len(kw) + kw.get('bonus', 0)", ""]
        i = loop.var
        call = self.pick(["%s(%s, *[%s, 2], scale=%s)" % (fn, i, i, self.pick(["2", "0.5"])),
                          "%s(*(%s, 1, 2), **{'bonus': %s %% 3})" % (fn, i, i),
                          "%s(%s, bonus=%s, other=None)" % (fn, i, self.pick(["1", "2.5"])),
                          "%s(%s)" % (fn, i)])
        return Frag(setup=["%s = 0" % acc], body=["%s = %s + %s" % (acc, acc, call)], report=[acc])

    def f_call(self, loop):
        """A small branchy helper called from the loop (inlined by the JIT)."""
        fn, acc = self.fresh("h"), self.fresh("hc")
        self.prelude += ["def %s(x, y=%s):" % (fn, self.pick(["1", "0.5"])),
                         "    if x %% %d == 0:" % self.rng.randint(2, 5),
                         "        return x * y",
                         "    elif x > %d:" % self.rng.randint(50, 300),
                         "        return %s" % self.pick(["x - y", "-x", "x // 3", "float(x)"]),
                         "    return x + %s" % self.pick(["1", "y", "2**62"]), ""]
        return Frag(setup=["%s = 0" % acc], body=["%s = %s + %s(%s)" % (acc, acc, fn, loop.var)], report=[acc])

    def f_bool(self, loop):
        """bool arithmetic and chained comparisons."""
        acc = self.fresh("bo")
        i = loop.var
        return Frag(setup=["%s = 0" % acc],
                    body=["%s += (%s %% 3 == 0) + (1 < %s %% 5 <= 3) * 2 - (not %s)" % (acc, i, i, i)],
                    report=[acc])

    def f_rare_float(self, loop):
        """An int accumulator that a rare branch resets to a float (or None)."""
        acc = self.fresh("ra")
        p = self.pick([7, 18, 22, 31])
        body = ["if %s %% %d == %d:" % (loop.var, p, self.rng.randrange(p)),
                "    %s = %s" % (acc, self.pick(["0.5", "-2.25", "None"])),
                "if %s is None:" % acc, "    %s = %s" % (acc, self.pick(["0", "1.5"])),
                "%s = %s + %s" % (acc, acc, self.pick(["1", loop.var, "0.25"]))]
        return Frag(setup=["%s = 0" % acc], body=body, report=[acc])

    def f_print_each(self, loop):
        """Print on every one of the first iterations (the output shows each value)."""
        v = self.fresh("pe")
        i = loop.var
        val = self.pick(["%s * 3 if %s %% 3 else None" % (i, i),
                         "%s / 2 if %s %% 4 == 1 else %s" % (i, i, i),
                         "(%s * 72057594037927933) %% 10**20" % i,
                         "-0.0 if %s %% 5 == 0 else %s" % (i, i)])
        body = ["%s = %s" % (v, val),
                "if %s < %d:" % (i, self.rng.randint(20, 60)), "    print(%s, %s)" % (i, v)]
        return Frag(setup=["%s = 0" % v], body=body, report=[v])

    def f_shared(self, loop):
        """Update the section's shared `total`, which every f_shared widens its own way."""
        i = loop.var
        val = self.pick(["%s" % i, "%s * 0.5" % i, "%s * 2**61" % i, "-0.0", "(None if %s %% 3 else 1)" % i,
                         "%s %% 7 == 0" % i, "%s // 3" % i])
        body = ["%s = %s" % ("tmp_total", val),
                "if tmp_total is None:", "    tmp_total = %s" % self.pick(["2", "0.75"]),
                "total = total + tmp_total"]
        if self.chance(0.5):
            body += ["if total > %s:" % self.pick(["10**6", "2**63"]), "    total = total %% %s" % self.pick(["1000", "97.5"])]
        return Frag(body=body)

    def f_loop_call(self, loop):
        """A function with its own loop, called from the hot loop."""
        fn, acc = self.fresh("lp"), self.fresh("lc")
        self.prelude += ["def %s(n, step=%s):" % (fn, self.pick(["1", "0.5", "2**62"])),
                         "    s = 0",
                         "    for j in range(n):",
                         "        if j %% %d == 0:" % self.rng.randint(2, 4),
                         "            s = s + step",
                         "        else:",
                         "            s = s - j",
                         "    return s", ""]
        return Frag(setup=["%s = 0" % acc],
                    body=["%s = %s + %s(%s %% %d)" % (acc, acc, fn, loop.var, self.rng.randint(3, 8))],
                    report=[acc])

    def f_deep_exc(self, loop):
        """An exception raised two inlined calls deep and caught in the loop."""
        outer, inner, acc, err = self.fresh("outer"), self.fresh("inner"), self.fresh("de"), self.fresh("deerr")
        p = self.rng.randint(3, 13)
        exc = self.pick(["ValueError", "KeyError", "IndexError", "ZeroDivisionError"])
        self.prelude += ["def %s(x):" % inner,
                         "    if x %% %d == %d:" % (p, self.rng.randrange(p)),
                         "        raise %s(x)" % exc,
                         "    return x %s" % self.pick(["* 2", "+ 0.5", "- 2**63"]), "",
                         "def %s(x):" % outer,
                         "    return %s(x) + 1" % inner, ""]
        body = ["try:", "    %s = %s + %s(%s)" % (acc, acc, outer, loop.var),
                "except %s as e:" % self.pick([exc, "Exception", "(%s, TypeError)" % exc]),
                "    %s += 1" % err]
        if self.chance(0.3):
            body += ["finally:", "    %s += 2" % acc]
        return Frag(setup=["%s = 0" % acc, "%s = 0" % err], body=body, report=[acc, err])

    def f_continue(self, loop):
        """Skip the rest of the body on some iterations."""
        return Frag(body=["if %s %% %d == %d:" % (loop.var, self.rng.randint(5, 13), self.rng.randint(0, 4)),
                          "    continue"])

    # -- compound fragments (hold other fragments) -------------------------
    def f_nested(self, loop):
        """A nested for-loop with its own fragments."""
        j = self.fresh("j")
        m = self.rng.randint(2, 5)
        inner = Loop(j, m, loop.depth + 1)
        res = Frag()
        body = ["for %s in range(%s %% %d + 1):" % (j, loop.var, m)]
        for _ in range(self.rng.randint(1, 2)):
            sub = self.fragment(inner, simple=True)
            res.absorb(sub)
            body += indent(sub.body)
        if self.chance(0.3):
            body += ["    if %s == %d:" % (j, m - 1), "        break"]
        res.body = body
        return res

    def f_while(self, loop):
        """A nested while-loop with its own fragments."""
        j = self.fresh("w")
        m = self.rng.randint(2, 4)
        inner = Loop(j, m, loop.depth + 1)
        res = Frag(setup=[])
        body = ["%s = 0" % j, "while %s < %s %% %d:" % (j, loop.var, m)]
        sub = self.fragment(inner, simple=True)
        res.absorb(sub)
        body += indent(sub.body) + ["    %s += 1" % j]
        res.body = body
        return res

    def f_if(self, loop):
        """Fragments guarded by a branch that flips mid-loop."""
        res = Frag()
        cond = self.pick(["%s %% %d == 0" % (loop.var, self.rng.randint(2, 4)),
                          "%s > %d" % (loop.var, self.point(loop))])
        sub1 = self.fragment(loop, simple=True)
        sub2 = self.fragment(loop, simple=True)
        res.absorb(sub1)
        res.absorb(sub2)
        res.body = ["if %s:" % cond] + indent(sub1.body) + ["else:"] + indent(sub2.body)
        return res

    def f_objects(self, loop):
        """Small objects the optimizer may keep virtual: built each iteration
        (on one or both arms of a branch), changed on one arm, read below,
        carried to the next iteration, kept on rare iterations (an escape),
        given a new type mid-loop; tuples built on both arms and unpacked."""
        cls, o, acc, keep, tp = (self.fresh("Obj"), self.fresh("ob"), self.fresh("oa"), self.fresh("keep"),
                                 self.fresh("tp"))
        i = loop.var
        self.prelude += ["class %s:" % cls,
                         "    def __init__(self, a, b):",
                         "        self.a = a",
                         "        self.b = b",
                         ""]
        k = self.rng.randint(2, 5)
        build = self.pick([["%s = %s(%s, %s)" % (o, cls, i, self.num_const())],
                           ["if %s %% %d:" % (i, k), "    %s = %s(%s, 1)" % (o, cls, i),
                            "else:", "    %s = %s(-1, %s)" % (o, cls, i)]])
        body = list(build)
        if self.chance(0.6):
            body += ["if %s %% %d == 1:" % (i, k + 1), "    %s.a = %s.a * 2" % (o, o)]
        if self.chance(0.3):
            body += ["if %s %% %d == 0:" % (i, k + 2), "    %s.c = %s" % (o, i), "    %s += %s.c" % (acc, o)]
        body += ["%s += %s.a - %s.b" % (acc, o, o)]
        if self.chance(0.5):
            body += ["%s = (%s.a, %s) if %s & 1 else (%s, %s.b)" % (tp, o, i, i, i, o),
                     "x_%s, y_%s = %s" % (tp, tp, tp),
                     "%s += x_%s - y_%s" % (acc, tp, tp)]
        if self.chance(0.4):
            body += ["if %s:" % self.sparse(loop), "    %s.append(%s)" % (keep, o)]
        if self.chance(0.3):
            body += ["if %s == %d:" % (i, self.point(loop)), "    %s.b = %s" % (o, self.pick(["0.5", "2**70", "True"]))]
        setup = ["%s = 0" % acc, "%s = []" % keep, "%s = %s(0, 0)" % (o, cls), "%s = (0, 0)" % tp]
        report = [acc, "[(q.a, q.b) for q in %s][:4]" % keep, "(%s.a, %s.b)" % (o, o), tp]
        return Frag(setup=setup, body=body, report=report)

    def f_gen_inline(self, loop):
        """A generator with a nested loop consumed by an inner for loop (resumed
        inline by the JIT), sometimes left early and resumed by next()."""
        gen, acc, g = self.fresh("pairs"), self.fresh("ga"), self.fresh("g")
        i = loop.var
        self.prelude += ["def %s(a, b):" % gen,
                         "    for x in range(a):",
                         "        for y in range(b):",
                         "            if x == 3 and y == 1 and b > 4:",
                         "                yield x + 0.5, y",
                         "            else:",
                         "                yield x, y",
                         ""]
        n1, n2 = self.rng.randint(2, 6), self.rng.randint(2, 7)
        body = ["%s = %s(%d + %s %% 3, %d)" % (g, gen, n1, i, n2),
                "for x_%s, y_%s in %s:" % (g, g, g),
                "    %s += x_%s * 3 - y_%s" % (acc, g, g)]
        if self.chance(0.4):
            body += ["    if y_%s == %d and %s %% 5 == 0:" % (g, n2 - 1, i), "        break"]
            body += ["%s += sum(a + b for a, b in %s)" % (acc, g)]
        return Frag(setup=["%s = 0" % acc], body=body, report=[acc])

    SIMPLE = ["f_type_change", "f_bigint", "f_float_special", "f_none_default", "f_poly",
              "f_gen", "f_exc", "f_closure", "f_string", "f_containers", "f_varargs",
              "f_call", "f_bool", "f_rare_float", "f_shared", "f_loop_call", "f_deep_exc", "f_objects",
              "f_gen_inline"]
    TOP_ONLY = ["f_patch", "f_global", "f_nested", "f_while", "f_if", "f_continue", "f_print_each"]

    def fragment(self, loop, simple=False):
        names = self.SIMPLE if simple or loop.depth > 0 else self.SIMPLE + self.TOP_ONLY
        return getattr(self, self.pick(names))(loop)

    # -- sections and the program -----------------------------------------
    def section(self, idx):
        """One hot loop with 2-6 fragments, at module level or in a function."""
        n = self.rng.randint(100, 400)
        in_func = self.chance(0.5)
        var = "i"
        loop = Loop(var, n, 0)
        frags = [self.fragment(loop) for _ in range(self.rng.randint(2, 6))]
        # `continue` only makes sense after something else ran this iteration
        if frags and frags[0].body and frags[0].body[-1].strip() == "continue" and len(frags) > 1:
            frags.append(frags.pop(0))
        setup, body, report, globs = ["total = 0"], [], ["total"], []
        for fr in frags:
            setup += fr.setup
            body += fr.body
            report += fr.report
            globs += fr.globals
            for line in fr.prelude:
                if line == "import math":
                    self.imports.add(line)
            self.prelude += [line for line in fr.prelude if line != "import math"]
        while_loop = self.chance(0.25)
        if while_loop:
            loop_lines = ["%s = 0" % var, "while %s < %s:" % (var, "n" if in_func else str(n))]
            # the increment goes first so `continue` cannot skip it
            body = ["%s += 1" % var] + body
        else:
            loop_lines = ["for %s in range(%s):" % (var, "n" if in_func else str(n))]
        early_break = self.chance(0.15)
        if early_break:
            body += ["if %s == %d:" % (var, self.point(loop, 0.6, 0.95)), "    break"]
        code = setup + loop_lines + indent(body)
        if self.chance(0.3):
            code += ["else:", "    print('no break %d')" % idx]
        rep = "(%s)" % ", ".join(report) + ("," if len(report) == 1 else "") if report else "()"
        if in_func:
            name = "section_%d" % idx
            head = ["def %s(n):" % name]
            if globs:
                head.append("    global %s" % ", ".join(sorted(set(globs))))
            lines = head + indent(code + ["return %s" % rep]) + [""]
            n2 = self.rng.randint(100, 400)
            lines += ["print(%r, %s(%d))" % (name, name, n), "print(%r, %s(%d))" % (name, name, n2), ""]
        else:
            lines = code + ["print('section %d', %s)" % (idx, rep), ""]
        return lines

    def program(self):
        self.imports = set()
        self.make_classes()
        sections = []
        for idx in range(self.rng.randint(2, 4)):
            sections += self.section(idx)
        head = ["# generated by tests/fuzz/gen.py %d" % self.seed] + sorted(self.imports) + [""]
        return "\n".join(head + self.prelude + sections) + "\n"


def generate(seed):
    """The program text for `seed`."""
    return Gen(seed).program()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("seed", type=int)
    ap.add_argument("-o", "--output", help="write the program here instead of stdout")
    args = ap.parse_args()
    text = generate(args.seed)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
