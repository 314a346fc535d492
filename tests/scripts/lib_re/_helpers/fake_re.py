"""A stand-in for the `re` module's hooks that _sre calls back (sre_template.py).

CPython 3.11's _sre hands sub() templates with a backslash to re._subx(pattern,
template) and Match.expand() to re._expand(pattern, match, template). Until
`import re` works under Tributary, sre_template.py installs this module as
sys.modules['re'] so both interpreters run the same, simplified template
parser: \\N and \\g<name|N> group references, \\n and \\\\ escapes.
"""

calls = []


def _parse(template, pattern):
    empty = template[:0]
    is_bytes = isinstance(template, bytes)
    chars = [template[i:i + 1] for i in range(len(template))]
    pieces = []  # literals and group numbers
    i = 0
    lit = empty
    while i < len(chars):
        c = chars[i]
        if c != (b"\\" if is_bytes else "\\"):
            lit += c
            i += 1
            continue
        nxt = chars[i + 1].decode() if is_bytes else chars[i + 1]
        if nxt == "g":
            close = (template.index(b">", i) if is_bytes else template.index(">", i))
            name = template[i + 3:close]
            name = name.decode() if is_bytes else name
            index = int(name) if name.isdigit() else pattern.groupindex[name]
            i = close + 1
        elif nxt.isdigit():
            index = int(nxt)
            i += 2
        else:
            lit += {"n": "\n", "\\": "\\", "t": "\t"}[nxt].encode() if is_bytes else {"n": "\n", "\\": "\\", "t": "\t"}[nxt]
            i += 2
            continue
        if lit:
            pieces.append(lit)
            lit = empty
        pieces.append(index)
    if lit:
        pieces.append(lit)
    return empty, pieces


def _expand_pieces(empty, pieces, match):
    out = empty
    for p in pieces:
        out += (match.group(p) or empty) if isinstance(p, int) else p
    return out


def _subx(pattern, template):
    calls.append(("_subx", pattern.pattern, template))
    empty, pieces = _parse(template, pattern)
    if all(not isinstance(p, int) for p in pieces):
        return empty.join(pieces)  # a literal after all: _sre uses it as is
    return lambda match: _expand_pieces(empty, pieces, match)


def _expand(pattern, match, template):
    calls.append(("_expand", pattern.pattern, template))
    empty, pieces = _parse(template, pattern)
    return _expand_pieces(empty, pieces, match)
