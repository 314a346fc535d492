# A template engine: templates compile to Python source, which is exec'd
# into a render function.  Supports {{ expr }}, {{ expr|filter }},
# {% if %}/{% elif %}/{% else %}/{% endif %}, {% for x in xs %}/{% endfor %},
# {% set x = expr %} and {# comments #}.


class TemplateSyntaxError(Exception):
    pass


class CodeBuilder:
    INDENT = 4

    def __init__(self, level=0):
        self.lines = []
        self.level = level

    def line(self, text):
        self.lines.append(" " * self.level + text)

    def indent(self):
        self.level += self.INDENT

    def dedent(self):
        if self.lines and self.lines[-1].endswith(":"):
            self.line("pass")
        self.level -= self.INDENT

    def source(self):
        return "\n".join(self.lines) + "\n"


FILTERS = {
    "upper": lambda s: str(s).upper(),
    "lower": lambda s: str(s).lower(),
    "title": lambda s: str(s).title(),
    "len": len,
    "escape": lambda s: str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
    "money": lambda v: "%.2f" % v,
    "join": lambda xs: ", ".join(str(x) for x in xs),
    "first": lambda xs: xs[0],
    "reverse": lambda xs: list(reversed(xs)),
}


def split_tokens(text):
    tokens = []
    i = 0
    while i < len(text):
        starts = [(text.find(m, i), m) for m in ("{{", "{%", "{#")]
        starts = [(p, m) for p, m in starts if p >= 0]
        if not starts:
            tokens.append(("text", text[i:]))
            break
        pos, mark = min(starts)
        if pos > i:
            tokens.append(("text", text[i:pos]))
        close = {"{{": "}}", "{%": "%}", "{#": "#}"}[mark]
        end = text.find(close, pos + 2)
        if end < 0:
            raise TemplateSyntaxError(f"unclosed {mark} at offset {pos}")
        body = text[pos + 2:end].strip()
        kind = {"{{": "expr", "{%": "tag", "{#": "comment"}[mark]
        tokens.append((kind, body))
        i = end + 2
    return tokens


class Template:
    counter = 0

    def __init__(self, text, name=None):
        Template.counter += 1
        self.name = name or f"template{Template.counter}"
        self.code = CodeBuilder()
        self.variables = set()
        self.compile(text)

    def expr_code(self, expr):
        parts = [p.strip() for p in expr.split("|")]
        code = parts[0]
        for f in parts[1:]:
            if f not in FILTERS:
                raise TemplateSyntaxError(f"unknown filter {f!r}")
            code = f"_f[{f!r}]({code})"
        return code

    def compile(self, text):
        code = self.code
        code.line("def render(ctx, _f):")
        code.indent()
        code.line("_out = []")
        code.line("_emit = _out.append")
        code.line("globals().update(ctx)")
        stack = []
        buffered = []

        def flush():
            if len(buffered) == 1:
                code.line(f"_emit({buffered[0]})")
            elif buffered:
                code.line("_out.extend([" + ", ".join(buffered) + "])")
            del buffered[:]

        for kind, body in split_tokens(text):
            if kind == "text":
                if body:
                    buffered.append(repr(body))
            elif kind == "comment":
                continue
            elif kind == "expr":
                buffered.append(f"str({self.expr_code(body)})")
            else:
                flush()
                words = body.split()
                if not words:
                    raise TemplateSyntaxError("empty tag")
                op = words[0]
                if op == "if":
                    stack.append("if")
                    code.line(f"if {self.expr_code(body[2:].strip())}:")
                    code.indent()
                elif op in ("elif", "else"):
                    if not stack or stack[-1] != "if":
                        raise TemplateSyntaxError(f"{op} outside if")
                    code.dedent()
                    if op == "elif":
                        code.line(f"elif {self.expr_code(body[4:].strip())}:")
                    else:
                        code.line("else:")
                    code.indent()
                elif op == "for":
                    if len(words) < 4 or words[2] != "in":
                        raise TemplateSyntaxError(f"bad for tag: {body!r}")
                    stack.append("for")
                    target = words[1]
                    seq = self.expr_code(" ".join(words[3:]))
                    code.line(f"for {target} in {seq}:")
                    code.indent()
                elif op.startswith("end"):
                    want = op[3:]
                    if not stack:
                        raise TemplateSyntaxError(f"unmatched {op}")
                    got = stack.pop()
                    if got != want:
                        raise TemplateSyntaxError(f"mismatched {op}, expected end{got}")
                    code.dedent()
                elif op == "set":
                    name, _, value = body[3:].partition("=")
                    code.line(f"{name.strip()} = {self.expr_code(value.strip())}")
                else:
                    raise TemplateSyntaxError(f"unknown tag {op!r}")
        flush()
        if stack:
            raise TemplateSyntaxError(f"unclosed {stack[-1]}")
        code.line("return ''.join(_out)")
        namespace = {}
        exec(compile(code.source(), self.name, "exec"), namespace)
        self._render = namespace["render"]

    def render(self, **ctx):
        return self._render(ctx, FILTERS)


page = Template("""<h1>{{ title|upper }}</h1>
{# this is a comment #}
<ul>
{% for item in items %}  <li>{{ item['name']|title }}: {{ item['price']|money }}{% if item['price'] > 10 %} (premium){% elif item['price'] < 2 %} (cheap){% else %}{% endif %}</li>
{% endfor %}</ul>
{% set total = sum(i['price'] for i in items) %}Total: {{ total|money }} for {{ items|len }} items
Tags: {{ tags|reverse|join }}; first={{ tags|first }}; safe={{ '<b>&</b>'|escape }}
""", name="page")

print(page.code.source())
ITEMS = [
    {"name": "widget", "price": 3.5},
    {"name": "gizmo deluxe", "price": 12.25},
    {"name": "nut", "price": 0.1},
    {"name": "bolt", "price": 1.999},
]
print(page.render(title="Shop", items=ITEMS, tags=["a", "b", "c"]))
print(page.render(title="Empty", items=[], tags=["only"]))

table = Template("""{% for row in rows %}{% for cell in row %}{{ cell }}{% if cell != row[-1] %},{% endif %}{% endfor %}
{% endfor %}""")
print(table.render(rows=[[i * j for j in range(1, 6)] for i in range(1, 5)]))

# A big generated function: a template with many branches, like the
# "template" seed workload.
N = 60
big_src = "".join(
    "{%% if n %% %d == 0 %%}[%d]{%% endif %%}" % (k + 2, k + 2) for k in range(N)
)
big = Template("{% for n in values %}{{ n }}:" + big_src + "\n{% endfor %}", name="big")
lines = big.code.source().count("\n")
print("big template source lines:", lines)
rendered = big.render(values=range(1, 41))
for line in rendered.splitlines()[-6:]:
    print(line)
print("checksum:", sum(ord(c) for c in rendered) % 100003, len(rendered))

# eval on expressions using the same filters
for expr in ["_f['upper']('abc')", "len([1, 2, 3]) * 2", "_f['money'](2/3)", "[x for x in 'hey']"]:
    print(expr, "->", eval(expr, {"_f": FILTERS}))

# errors are reported, not crashes
BAD = [
    "{% if x %}no end",
    "{% endfor %}",
    "{% for x in y %}{% endif %}",
    "{{ x|nofilter }}",
    "{% while x %}",
    "{{ unclosed",
    "{% else %}",
    "{% for x y %}{% endfor %}",
    "{%  %}",
]
for text in BAD:
    try:
        Template(text)
        print("compiled?!", repr(text))
    except TemplateSyntaxError as e:
        print(f"{text!r}: {e}")

# runtime errors inside generated code
t = Template("{{ missing_name }}", name="rt")
try:
    t.render()
except NameError as e:
    print("NameError:", e)
t = Template("{{ 1 // zero }}")
try:
    t.render(zero=0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    exec("def broken(:\n    pass\n", {})
except SyntaxError as e:
    print("SyntaxError from exec")
ns = {}
exec("x = 1\ny = x + 41\ndef f(a):\n    return a * y\n", ns)
print(ns["y"], ns["f"](2), sorted(k for k in ns if k != "__builtins__"))
