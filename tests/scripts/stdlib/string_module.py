# CPython's string module over Tributary's _string (the str.format field parser).
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), len(string.printable), string.punctuation)
print(string.capwords("hello   big  world"), string.capwords("a-b-c", "-"))

t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann"}, what="tea"))
print(t.safe_substitute(who="bob"), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print("ValueError", e)


class Dollar(string.Template):
    delimiter = "%"


print(Dollar("%x and %{y}").substitute(x=1, y=2))

f = string.Formatter()
print(f.format("{0} + {1} = {2:>5}", 2, 3, 5), f.format("{a.real!r:*^9} {b[1]} {b[x]}", a=7, b={1: "one", "x": "ex"}))
print(f.format("{:{w}.{p}f}|{{literal}}", 3.14159, w=10, p=3))
print(list(f.parse("a{0!r:>5}b{{c}}d{}{name.attr[0]}")))
print(list(f.parse("")), list(f.parse("plain")))


class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)


print(Upper().format("{} {missing} {x:>4}", "abc", x="y"))
for bad in ["{", "}", "{0!x}", "{0:{1:{2}}}", "{!}", "{0[}"]:
    try:
        print(f.format(bad, 1, 2, 3))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

import _string

first, rest = _string.formatter_field_name_split("obj.attr[2][key].x")
print(first, list(rest))
first, rest = _string.formatter_field_name_split("12")
print(repr(first), list(rest))
print(list(_string.formatter_parser("x{}y{:>3}z{0!s}")))
try:
    _string.formatter_parser(5)
except TypeError as e:
    print("TypeError", e)
