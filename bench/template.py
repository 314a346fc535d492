# A template engine rendering one huge generated function (benchmark; seed
# 003, "Better JIT support for auto-generated Python code": Tornado templates
# compile to a render function too long for one trace).  The engine compiles a
# small template language to Python source -- one `def render(...)` with
# thousands of statements: literal string pieces, str() of values, dict and
# attribute lookups, small if/else and for blocks -- exec()s it once and
# renders it many times with changing data.
#   {{ expr }}          str(expr), HTML-escaped
#   {{! expr }}         str(expr), raw
#   {% if expr %} ... {% else %} ... {% end %}
#   {% for name in expr %} ... {% end %}
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of renders).
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


def escape(text):
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def tokenize(source):
    """Splits a template into ("text", s), ("expr", s), ("raw", s), ("tag", s)."""
    tokens = []
    pos = 0
    while pos < len(source):
        start = source.find("{", pos)
        while start != -1 and start + 1 < len(source) and source[start + 1] not in "{%":
            start = source.find("{", start + 1)
        if start == -1 or start + 1 >= len(source):
            tokens.append(("text", source[pos:]))
            break
        if start > pos:
            tokens.append(("text", source[pos:start]))
        closer = "}}" if source[start + 1] == "{" else "%}"
        end = source.find(closer, start + 2)
        if end == -1:
            raise ValueError("unclosed tag at offset %d" % start)
        body = source[start + 2:end].strip()
        if closer == "%}":
            tokens.append(("tag", body))
        elif body.startswith("!"):
            tokens.append(("raw", body[1:].strip()))
        else:
            tokens.append(("expr", body))
        pos = end + 2
    return tokens


def compile_template(source, params):
    """Returns the Python source of `def render(<params>)` for the template."""
    lines = ["def render(%s):" % ", ".join(params), "    _out = []", "    _w = _out.append"]
    indent = 1
    stack = []
    for kind, body in tokenize(source):
        pad = "    " * indent
        if kind == "text":
            lines.append(pad + "_w(%r)" % body)
        elif kind == "expr":
            lines.append(pad + "_w(_escape(str(%s)))" % body)
        elif kind == "raw":
            lines.append(pad + "_w(str(%s))" % body)
        else:
            word = body.split(" ", 1)[0]
            if word in ("if", "for"):
                lines.append(pad + body + ":")
                stack.append(word)
                indent += 1
            elif word == "else":
                if not stack or stack[-1] != "if":
                    raise ValueError("else outside if")
                lines.append("    " * (indent - 1) + "else:")
            elif word == "end":
                if not stack:
                    raise ValueError("end without block")
                stack.pop()
                indent -= 1
            else:
                raise ValueError("unknown tag " + body)
    if stack:
        raise ValueError("unclosed block " + stack[-1])
    lines.append("    return ''.join(_out)")
    return "\n".join(lines) + "\n"


def make_template(sections):
    """A big page: `sections` blocks mixing every construct of the language."""
    parts = ["<html><head><title>{{ page.title }}</title></head><body>\n"]
    for k in range(sections):
        parts.append(
            '<div class="s%d">\n<h2>{{ user.name }} / section %d</h2>\n'
            "<p>price {{ prices['p%d'] }} score {{ user.score + %d }}"
            " note {{ notes[%d] }}</p>\n"
            "{%% if flags[%d] %%}<b>on {{! %d * page.number }}</b>"
            "{%% else %%}<i>off {{ user.city }}</i>{%% end %%}\n"
            % (k, k, k % 17, k, k % 5, k % 8, k)
        )
        if k % 4 == 0:
            parts.append(
                "<ul>{%% for item in items %%}<li>{{ item.label }}"
                " = {{! item.qty * %d }}</li>{%% end %%}</ul>\n" % (k + 1)
            )
        parts.append("</div>\n")
    parts.append("</body></html>\n")
    return "".join(parts)


class Record:
    """Plain attribute bag for the template's attribute lookups."""

    def __init__(self, **fields):
        for name in fields:
            setattr(self, name, fields[name])


def make_context(i):
    """Render i's data: the values change on every render."""
    user = Record(name="user<%d>" % (i % 13), score=i * 7 % 101, city="City&%d" % (i % 3))
    page = Record(title="Page %d" % i, number=i % 9)
    prices = {}
    for p in range(17):
        prices["p%d" % p] = (p * 31 + i) % 1000 / 10.0
    notes = ["a<b", "plain", "x&y", "", "n%d" % i]
    flags = [(i >> b) & 1 == 1 for b in range(8)]
    items = [Record(label="item%d" % j, qty=(i + j) % 6) for j in range(3)]
    return user, page, prices, notes, flags, items


def main():
    params = ["user", "page", "prices", "notes", "flags", "items"]
    source = compile_template(make_template(400), params)
    namespace = {"_escape": escape}
    exec(source, namespace)
    render = namespace["render"]
    renders = max(2, int(2000 * bench_scale()))
    contexts = [make_context(i) for i in range(16)]
    t0 = time.perf_counter()
    total = 0
    tags = 0
    first = ""
    for i in range(renders):
        html = render(*contexts[i % 16])
        total += len(html)
        if i < 16:
            tags += html.count("<b>")
        if i == 0:
            first = html[:48]
    t1 = time.perf_counter()
    print("statements = %d" % source.count("\n"))
    print("renders = %d, chars = %d, bold tags = %d" % (renders, total, tags))
    print("first = %r" % first)
    print("time = %.4f s" % (t1 - t0))


main()
