# CPython's json (its pure-Python scanner and encoder) and codecs over _codecs.
import codecs
import json

data = {"name": "Ada", "tags": ["x", "y"], "n": 3, "pi": 3.25, "ok": True, "none": None, "nested": {"k": [1, {"z": []}]}}
text = json.dumps(data)
print(text)
print(json.loads(text) == data, json.loads(text)["nested"])
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2, {"b": 1, "a": 2}], separators=(",", ":"), sort_keys=True))
print(json.dumps("héllo\n\t\"q\" \u2603"), json.dumps("héllo", ensure_ascii=False))
print(json.loads('"\\u00e9\\n\\ud83d\\ude00"'), json.loads("[1e3, -0.5, 12345678901234567890]"))
print(json.dumps(float("inf")), json.loads("NaN"), json.loads("  [ ]  "), json.loads('{"a": {}}'))
print(json.dumps({1: "int key", 2.5: "f", None: "n", True: "t"}))
print(json.loads('{"a": 1.5}', parse_float=str), json.loads("[1, 2]", parse_int=lambda s: int(s) * 10))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode_point(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


print(json.dumps([Point(1, 2)], default=encode_point))


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


print(PointEncoder().encode({"p": Point(3, 4)}), list(PointEncoder(indent=1).iterencode([1])))
for bad in ['{"a": 1,}', "[1, 2", "", "nul", '{"a" 1}', '"abc', "[1] x", "{1: 2}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
circular = []
circular.append(circular)
try:
    json.dumps(circular)
except ValueError as e:
    print("ValueError:", e)

info = codecs.lookup("UTF8")
print(info.name, codecs.lookup("latin_1").name, codecs.lookup("ASCII").name)
print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xe9", "latin-1"), codecs.encode("abc", "ascii"))
print(codecs.utf_8_decode(b"ab\xc3", "strict", False), codecs.utf_8_decode(b"ab\xc3\xa9", "strict", True))
print(codecs.utf_8_encode("h\u00e9"), codecs.latin_1_encode("\xff"), codecs.ascii_decode(b"ok"))
decoder = codecs.getincrementaldecoder("utf-8")()
print([decoder.decode(b) for b in [b"\xe2", b"\x98", b"\x83!"]])
print(codecs.BOM_UTF8, codecs.lookup_error("strict") is codecs.strict_errors)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.decode(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)


class FakeEncodeError(UnicodeEncodeError):
    pass


err = UnicodeEncodeError("ascii", "a\u00e9\u2603\U0001F600b", 1, 4, "ordinal not in range(128)")
print(codecs.backslashreplace_errors(err), codecs.xmlcharrefreplace_errors(err), codecs.namereplace_errors(err))
print(codecs.ignore_errors(err), codecs.replace_errors(err))
print(err, "|", err.encoding, err.object, err.start, err.end, err.reason)
print(UnicodeEncodeError("ascii", "\u2603", 0, 1, "bad"), UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte"))
print(UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "r"))
