# A small JSON-ish parser (benchmark): a recursive-descent parser over a
# string, written with plain functions and an index (no classes, no regular
# expressions), parsing a generated document of objects, arrays, numbers,
# strings and literals many times.  Exercises string indexing and slicing,
# character comparisons, dict and list building, recursion, and the
# data-dependent branching of a tokenizer.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of parses).
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:  # Tributary has no os module yet
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


WHITESPACE = " \t\n\r"
DIGITS = "0123456789"
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r"}


def skip_ws(text, pos):
    while pos < len(text) and text[pos] in WHITESPACE:
        pos += 1
    return pos


def parse_string(text, pos):
    """text[pos] is the opening quote; returns (string, position after it)."""
    pos += 1
    pieces = []
    start = pos
    while True:
        ch = text[pos]
        if ch == '"':
            pieces.append(text[start:pos])
            return "".join(pieces), pos + 1
        if ch == "\\":
            pieces.append(text[start:pos])
            pieces.append(ESCAPES[text[pos + 1]])
            pos += 2
            start = pos
        else:
            pos += 1


def parse_number(text, pos):
    start = pos
    if text[pos] == "-":
        pos += 1
    while pos < len(text) and text[pos] in DIGITS:
        pos += 1
    is_float = False
    if pos < len(text) and text[pos] == ".":
        is_float = True
        pos += 1
        while pos < len(text) and text[pos] in DIGITS:
            pos += 1
    if is_float:
        return float(text[start:pos]), pos
    return int(text[start:pos]), pos


def parse_value(text, pos):
    pos = skip_ws(text, pos)
    ch = text[pos]
    if ch == "{":
        result = {}
        pos = skip_ws(text, pos + 1)
        if text[pos] == "}":
            return result, pos + 1
        while True:
            pos = skip_ws(text, pos)
            key, pos = parse_string(text, pos)
            pos = skip_ws(text, pos)
            if text[pos] != ":":
                raise ValueError("expected ':' at %d" % pos)
            value, pos = parse_value(text, pos + 1)
            result[key] = value
            pos = skip_ws(text, pos)
            if text[pos] == "}":
                return result, pos + 1
            if text[pos] != ",":
                raise ValueError("expected ',' at %d" % pos)
            pos += 1
    if ch == "[":
        items = []
        pos = skip_ws(text, pos + 1)
        if text[pos] == "]":
            return items, pos + 1
        while True:
            value, pos = parse_value(text, pos)
            items.append(value)
            pos = skip_ws(text, pos)
            if text[pos] == "]":
                return items, pos + 1
            if text[pos] != ",":
                raise ValueError("expected ',' at %d" % pos)
            pos += 1
    if ch == '"':
        return parse_string(text, pos)
    if ch == "-" or ch in DIGITS:
        return parse_number(text, pos)
    if text.startswith("true", pos):
        return True, pos + 4
    if text.startswith("false", pos):
        return False, pos + 5
    if text.startswith("null", pos):
        return None, pos + 4
    raise ValueError("unexpected %r at %d" % (ch, pos))


def parse(text):
    value, pos = parse_value(text, 0)
    if skip_ws(text, pos) != len(text):
        raise ValueError("trailing data at %d" % pos)
    return value


def make_document(records):
    """A deterministic document: a list of records with nested fields."""
    out = ["[\n"]
    state = 7
    for i in range(records):
        state = (state * 1103515245 + 12345) % 2147483648
        flag = ["true", "false", "null"][state % 3]
        out.append(
            '  {"id": %d, "name": "item \\"%d\\"", "price": %d.%02d, "ok": %s,'
            ' "tags": ["t%d", "t%d"], "pos": {"x": %d, "y": -%d}, "note": "a\\tb\\n"}%s\n'
            % (i, i, state % 1000, state % 100, flag, state % 7, state % 11,
               state % 640, state % 480, "," if i + 1 < records else "")
        )
    out.append("]\n")
    return "".join(out)


def checksum(value):
    """Folds a parsed value into an integer that depends on every leaf."""
    if value is None:
        return 3
    if value is True:
        return 5
    if value is False:
        return 7
    if isinstance(value, int):
        return value % 1000003
    if isinstance(value, float):
        return int(value * 100) % 1000003
    if isinstance(value, str):
        return len(value) * 31 + (ord(value[0]) if value else 0)
    if isinstance(value, list):
        total = 17
        for item in value:
            total = (total * 31 + checksum(item)) % 1000003
        return total
    total = 19
    for key in value:
        total = (total * 37 + checksum(key) * 3 + checksum(value[key])) % 1000003
    return total


def main():
    text = make_document(400)
    parses = max(1, int(100 * bench_scale()))
    t0 = time.perf_counter()
    total = 0
    for i in range(parses):
        total = (total + checksum(parse(text))) % 1000003
    t1 = time.perf_counter()
    print("chars = %d, parses = %d, checksum = %d" % (len(text), parses, total))
    print("time = %.4f s" % (t1 - t0))


main()
