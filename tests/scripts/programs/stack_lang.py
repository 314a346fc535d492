# An interpreter for a tiny Forth-like stack language: tokenizer, compiler
# to a list of closures/opcodes, user-defined words, conditionals, loops,
# variables, and error reporting.


class StackLangError(Exception):
    pass


class StackUnderflow(StackLangError):
    def __init__(self, word, need, have):
        super().__init__(f"{word}: needs {need} values, stack has {have}")


class UnknownWord(StackLangError):
    pass


def tokenize(src):
    tokens = []
    for line in src.splitlines():
        line = line.split("\\")[0]
        in_comment = False
        for tok in line.split():
            if tok == "(":
                in_comment = True
            elif tok == ")" and in_comment:
                in_comment = False
            elif not in_comment:
                tokens.append(tok)
    return tokens


class VM:
    def __init__(self):
        self.stack = []
        self.rstack = []
        self.out = []
        self.words = {}
        self.vars = {}
        self.memory = []
        self.steps = 0
        self.builtins = {
            "+": self.binop(lambda a, b: a + b, "+"),
            "-": self.binop(lambda a, b: a - b, "-"),
            "*": self.binop(lambda a, b: a * b, "*"),
            "/": self.binop(self.div, "/"),
            "mod": self.binop(self.mod, "mod"),
            "=": self.binop(lambda a, b: -1 if a == b else 0, "="),
            "<": self.binop(lambda a, b: -1 if a < b else 0, "<"),
            ">": self.binop(lambda a, b: -1 if a > b else 0, ">"),
            "and": self.binop(lambda a, b: a & b, "and"),
            "or": self.binop(lambda a, b: a | b, "or"),
            "max": self.binop(max, "max"),
            "min": self.binop(min, "min"),
            "negate": self.unop(lambda a: -a, "negate"),
            "abs": self.unop(abs, "abs"),
            "dup": self.w_dup, "drop": self.w_drop, "swap": self.w_swap,
            "over": self.w_over, "rot": self.w_rot, ".": self.w_dot,
            "emit": self.w_emit, "cr": lambda: self.out.append("\n"),
            ".s": self.w_dots, "@": self.w_fetch, "!": self.w_store,
            "depth": lambda: self.stack.append(len(self.stack)),
            "i": lambda: self.stack.append(self.rstack[-1][0]),
        }

    @staticmethod
    def div(a, b):
        if b == 0:
            raise StackLangError("division by zero")
        q = abs(a) // abs(b)
        return q if (a < 0) == (b < 0) else -q

    @staticmethod
    def mod(a, b):
        if b == 0:
            raise StackLangError("division by zero")
        return a - b * VM.div(a, b)

    def need(self, word, n):
        if len(self.stack) < n:
            raise StackUnderflow(word, n, len(self.stack))

    def binop(self, fn, name):
        def op():
            self.need(name, 2)
            b = self.stack.pop()
            a = self.stack.pop()
            self.stack.append(fn(a, b))
        return op

    def unop(self, fn, name):
        def op():
            self.need(name, 1)
            self.stack.append(fn(self.stack.pop()))
        return op

    def w_dup(self):
        self.need("dup", 1)
        self.stack.append(self.stack[-1])

    def w_drop(self):
        self.need("drop", 1)
        self.stack.pop()

    def w_swap(self):
        self.need("swap", 2)
        self.stack[-1], self.stack[-2] = self.stack[-2], self.stack[-1]

    def w_over(self):
        self.need("over", 2)
        self.stack.append(self.stack[-2])

    def w_rot(self):
        self.need("rot", 3)
        self.stack.append(self.stack.pop(-3))

    def w_dot(self):
        self.need(".", 1)
        self.out.append(str(self.stack.pop()) + " ")

    def w_emit(self):
        self.need("emit", 1)
        self.out.append(chr(self.stack.pop()))

    def w_dots(self):
        self.out.append(f"<{len(self.stack)}> " + " ".join(map(str, self.stack)) + " ")

    def w_fetch(self):
        self.need("@", 1)
        self.stack.append(self.memory[self.stack.pop()])

    def w_store(self):
        self.need("!", 2)
        addr = self.stack.pop()
        self.memory[addr] = self.stack.pop()

    # compiler: tokens -> nested list of ops
    def compile(self, tokens, pos, terminators):
        code = []
        while pos < len(tokens):
            tok = tokens[pos]
            low = tok.lower()
            if low in terminators:
                return code, pos, low
            pos += 1
            if low == "if":
                then_code, pos, term = self.compile(tokens, pos, ("else", "then"))
                else_code = []
                if term == "else":
                    else_code, pos, term = self.compile(tokens, pos + 1, ("then",))
                if term != "then":
                    raise StackLangError("IF without THEN")
                pos += 1
                code.append(("if", then_code, else_code))
            elif low == "do":
                body, pos, term = self.compile(tokens, pos, ("loop",))
                if term != "loop":
                    raise StackLangError("DO without LOOP")
                pos += 1
                code.append(("do", body))
            elif low == "begin":
                body, pos, term = self.compile(tokens, pos, ("until",))
                if term != "until":
                    raise StackLangError("BEGIN without UNTIL")
                pos += 1
                code.append(("begin", body))
            elif low == ":":
                if pos >= len(tokens):
                    raise StackLangError("missing word name")
                name = tokens[pos].lower()
                body, pos, term = self.compile(tokens, pos + 1, (";",))
                if term != ";":
                    raise StackLangError(f"unterminated definition of {name}")
                pos += 1
                self.words[name] = body
            elif low == "variable":
                name = tokens[pos].lower()
                pos += 1
                self.vars[name] = len(self.memory)
                self.memory.append(0)
            elif low == '."':
                words = []
                while pos < len(tokens) and not tokens[pos].endswith('"'):
                    words.append(tokens[pos])
                    pos += 1
                if pos >= len(tokens):
                    raise StackLangError("unterminated string")
                words.append(tokens[pos][:-1])
                pos += 1
                code.append(("str", " ".join(words)))
            else:
                try:
                    code.append(("lit", int(tok)))
                except ValueError:
                    code.append(("word", low))
        return code, pos, None

    def execute(self, code):
        for op in code:
            self.steps += 1
            if self.steps > 100000:
                raise StackLangError("step limit exceeded")
            kind = op[0]
            if kind == "lit":
                self.stack.append(op[1])
            elif kind == "word":
                name = op[1]
                if name in self.words:
                    self.execute(self.words[name])
                elif name in self.builtins:
                    self.builtins[name]()
                elif name in self.vars:
                    self.stack.append(self.vars[name])
                else:
                    raise UnknownWord(f"unknown word {name!r}")
            elif kind == "str":
                self.out.append(op[1])
            elif kind == "if":
                self.need("if", 1)
                self.execute(op[1] if self.stack.pop() else op[2])
            elif kind == "do":
                self.need("do", 2)
                start = self.stack.pop()
                limit = self.stack.pop()
                self.rstack.append([start, limit])
                try:
                    while self.rstack[-1][0] < limit:
                        self.execute(op[1])
                        self.rstack[-1][0] += 1
                finally:
                    self.rstack.pop()
            elif kind == "begin":
                while True:
                    self.execute(op[1])
                    self.need("until", 1)
                    if self.stack.pop():
                        break

    def run(self, src):
        self.out = []
        code, pos, term = self.compile(tokenize(src), 0, ())
        self.execute(code)
        return "".join(self.out)


PROGRAMS = [
    "2 3 + 4 * .",
    "1 2 3 .s rot .s drop drop drop",
    ": square dup * ; : cube dup square * ; 7 square . 3 cube . -4 cube .",
    ": fact dup 1 > if dup 1 - fact * else drop 1 then ; 10 fact . 20 fact .",
    "10 0 do i . loop",
    ": stars 0 do 42 emit loop ; 5 0 do i 1 + stars cr loop",
    """\\ fibonacci with variables
    variable a variable b
    : fib 0 a ! 1 b ! 0 do a @ . a @ b @ dup a ! + b ! loop ;
    15 fib""",
    ": gcd begin swap over mod dup 0 = until drop ; 1071 462 gcd . 17 5 gcd .",
    '." hello world" cr ." two words" cr',
    "-7 2 / . -7 2 mod . 7 -2 / . 7 -2 mod . 3 9 max . 3 9 min . 5 negate abs .",
    ": collatz ( n -- steps ) 0 swap begin dup 1 = if -1 else dup 2 mod if 3 * 1 + else 2 / then swap 1 + swap 0 then until drop ; 27 collatz . 97 collatz .",
    ": prime? dup 2 < if drop 0 else -1 swap dup 2 do dup i mod 0 = if swap drop 0 swap then loop drop then ; : primes 0 do i prime? if i . then loop ; 50 primes",
    "1 2 = . 2 2 = . 1 2 < . 5 3 > . 12 10 and . 12 3 or . depth .",
]

vm = VM()
for src in PROGRAMS:
    first = " ".join(src.split())
    print(f"{first[:60]!r}")
    print("  ->", repr(vm.run(src)), "stack:", vm.stack)
print("defined words:", sorted(vm.words))
print("steps so far:", vm.steps)

ERRORS = [
    "+",
    "1 dup dup + + swap swap rot",
    "frobnicate",
    "1 0 /",
    ": broken 1 2",
    "1 if 2",
    "0 do",
    "begin 1",
    '." no end',
    ": forever begin 0 until ; forever",
    ":",
    "5 mod",
]
for src in ERRORS:
    vm = VM()
    try:
        result = vm.run(src)
        print(f"{src!r}: ok {result!r} {vm.stack}")
    except StackUnderflow as e:
        print(f"{src!r}: underflow: {e}")
    except StackLangError as e:
        print(f"{src!r}: {type(e).__name__}: {e}")
print(issubclass(StackUnderflow, StackLangError), isinstance(UnknownWord("x"), Exception))
