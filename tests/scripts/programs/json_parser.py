# A JSON-like parser (with error positions) and a pretty-printer.


class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos


class Token:
    def __init__(self, kind, value, pos):
        self.kind = kind
        self.value = value
        self.pos = pos

    def __repr__(self):
        return f"Token({self.kind}, {self.value!r}, {self.pos})"


PUNCT = "{}[]:,"
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def tokenize(text):
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c in PUNCT:
            yield Token(c, c, i)
            i += 1
        elif c == '"':
            start = i
            i += 1
            parts = []
            while True:
                if i >= n:
                    raise ParseError("unterminated string", start)
                c = text[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\":
                    i += 1
                    if i >= n:
                        raise ParseError("bad escape", i)
                    e = text[i]
                    if e == "u":
                        hexdigits = text[i + 1:i + 5]
                        if len(hexdigits) != 4:
                            raise ParseError("bad unicode escape", i)
                        parts.append(chr(int(hexdigits, 16)))
                        i += 5
                        continue
                    if e not in ESCAPES:
                        raise ParseError(f"unknown escape \\{e}", i)
                    parts.append(ESCAPES[e])
                    i += 1
                else:
                    parts.append(c)
                    i += 1
            yield Token("str", "".join(parts), start)
        elif c == "-" or c.isdigit():
            start = i
            i += 1
            while i < n and (text[i].isdigit() or text[i] in ".eE+-"):
                i += 1
            raw = text[start:i]
            try:
                if "." in raw or "e" in raw or "E" in raw:
                    value = float(raw)
                else:
                    value = int(raw)
            except ValueError:
                raise ParseError(f"bad number {raw!r}", start) from None
            yield Token("num", value, start)
        elif c.isalpha():
            start = i
            while i < n and text[i].isalpha():
                i += 1
            word = text[start:i]
            if word == "true":
                yield Token("lit", True, start)
            elif word == "false":
                yield Token("lit", False, start)
            elif word == "null":
                yield Token("lit", None, start)
            else:
                raise ParseError(f"unknown word {word!r}", start)
        else:
            raise ParseError(f"unexpected character {c!r}", i)
    yield Token("eof", None, n)


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.current = next(self.tokens)
        self.depth = 0

    def advance(self):
        tok = self.current
        self.current = next(self.tokens)
        return tok

    def expect(self, kind):
        if self.current.kind != kind:
            raise ParseError(f"expected {kind!r} got {self.current.kind!r}", self.current.pos)
        return self.advance()

    def parse(self):
        value = self.value()
        if self.current.kind != "eof":
            raise ParseError("trailing data", self.current.pos)
        return value

    def value(self):
        tok = self.current
        if tok.kind == "{":
            return self.obj()
        if tok.kind == "[":
            return self.arr()
        if tok.kind in ("str", "num", "lit"):
            self.advance()
            return tok.value
        raise ParseError(f"unexpected {tok.kind!r}", tok.pos)

    def obj(self):
        self.expect("{")
        result = {}
        if self.current.kind == "}":
            self.advance()
            return result
        while True:
            key = self.expect("str").value
            self.expect(":")
            result[key] = self.value()
            if self.current.kind == ",":
                self.advance()
                continue
            self.expect("}")
            return result

    def arr(self):
        self.expect("[")
        result = []
        if self.current.kind == "]":
            self.advance()
            return result
        while True:
            result.append(self.value())
            if self.current.kind == ",":
                self.advance()
                continue
            self.expect("]")
            return result


def loads(text):
    return Parser(text).parse()


def quote(s):
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32 or ord(ch) > 126:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dumps(value, indent=None, sort_keys=False, _level=0):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [dumps(v, indent, sort_keys, _level + 1) for v in value]
        if indent is None:
            return "[" + ", ".join(items) + "]"
        pad = " " * (indent * (_level + 1))
        end = " " * (indent * _level)
        return "[\n" + ",\n".join(pad + it for it in items) + "\n" + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = sorted(value) if sort_keys else list(value)
        items = [quote(k) + ": " + dumps(value[k], indent, sort_keys, _level + 1) for k in keys]
        if indent is None:
            return "{" + ", ".join(items) + "}"
        pad = " " * (indent * (_level + 1))
        end = " " * (indent * _level)
        return "{\n" + ",\n".join(pad + it for it in items) + "\n" + end + "}"
    raise TypeError(f"cannot serialize {type(value).__name__}")


def walk(value, path="$"):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, value


DOC = """
{
  "name": "tributary",
  "version": 3,
  "ratio": 0.75,
  "tags": ["jit", "tracing", "merge\\tpaths"],
  "owner": {"login": "lead", "id": 12345678901234567890, "admin": true},
  "empty": {}, "none": [],
  "nested": [[1, 2, [3, [4, -5.5e3]]], {"a": null, "b": false}],
  "text": "quote \\" backslash \\\\ unicode \\u00e9\\u4e2d slash \\/"
}
"""

value = loads(DOC)
print(sorted(value.keys()))
print(value["owner"])
print(value["nested"])
print(repr(value["text"]))
print(dumps(value))
print(dumps(value, indent=2, sort_keys=True))
for path, leaf in walk(value):
    print(path, "=", repr(leaf))

again = loads(dumps(value, indent=4))
print("round trip equal:", again == value)
print("compact round trip:", loads(dumps(value)) == value)

BAD = [
    "",
    "{",
    '{"a" 1}',
    '{"a": 1,}',
    "[1, 2",
    '"abc',
    "[1, 2] 3",
    "tru",
    "[1, @]",
    '"bad \\q escape"',
    "[1.2.3]",
    '{"k": [1, {"x": }]}',
    '"\\u12"',
    "{1: 2}",
]
for text in BAD:
    try:
        result = loads(text)
        print("parsed?!", repr(text), result)
    except ParseError as e:
        print(f"{text!r:24} -> {e} (pos {e.pos})")

# stress: build a wide document, serialize and reparse
rows = []
for i in range(60):
    rows.append({"id": i, "sq": i * i, "name": "item%03d" % i, "odd": i % 2 == 1,
                 "score": i / 8, "tags": ["t%d" % (i % 3), "u%d" % (i % 5)] if i % 4 else []})
text = dumps({"rows": rows, "count": len(rows)})
print("serialized length:", len(text))
back = loads(text)
print("rows equal:", back["rows"] == rows, back["count"])
print("sum of sq:", sum(r["sq"] for r in back["rows"]))
print("odd names:", [r["name"] for r in back["rows"] if r["odd"]][:8])
print("scores:", [r["score"] for r in back["rows"][:10]])
tok_count = sum(1 for _ in tokenize(text))
print("tokens:", tok_count)
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
