# json on Tributary's _json accelerators: round trips, hooks, separators,
# sort_keys, ensure_ascii, non-ASCII documents, special floats and CPython's errors.
import json, collections, decimal, enum
for f in (lambda: json.dumps(float('nan'), allow_nan=False), lambda: json.dumps({(1,2): 1}), lambda: json.dumps(object()), lambda: json.loads('[1,'), lambda: json.loads('{"a" 1}'), lambda: json.loads('"ab'), lambda: json.loads('"a\\x"'), lambda: json.loads('"\\u12"'), lambda: json.loads('"a\nb"'), lambda: json.loads('{1:2}'), lambda: json.loads('[1 2]'), lambda: json.loads('{"a":1 "b"}'), lambda: json.loads(''), lambda: json.loads('1 2'), lambda: json.loads('[1,]'), lambda: json.loads('{"a":1,}'), lambda: json.loads('é[1 x]')):
    try: f()
    except Exception as e: print(type(e).__name__, e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
print(json.dumps({'b': 1, 'a': [1.5, True, None, 'x\u00e9\n']}, sort_keys=True), json.dumps('\u00e9\U0001F600', ensure_ascii=True), json.dumps(float('inf')), json.dumps({1: 2, 2.5: 3, None: 4, True: 5}))
print(json.loads('{"a": [1, 2.5e3, -0, true, null, "\\u00e9\\ud83d\\ude00", NaN, -Infinity, 1E2, -12.5e-1]}'))
print(json.dumps("é😀", ensure_ascii=False), json.loads('"héllo wörld"'), json.loads('  {"ké": ["é", 1]}  '))
print(json.loads('[1.5, 2]', parse_float=decimal.Decimal, parse_int=str), json.loads('{"x": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=collections.OrderedDict), json.loads('[NaN]', parse_constant=lambda c: "C:" + c))
print(json.dumps([1, {"a": (2, 3)}], separators=(",", ":")), json.dumps({"a": 1}, indent=2), json.dumps({"k": 1, 2: "v"}, skipkeys=True))
print(json.dumps({"x": object()}, default=lambda o: "obj"), json.dumps({(1,): 1}, skipkeys=True))
class Color(enum.IntEnum):
    RED = 1
print(json.dumps([Color.RED, 10**30, -5, 0.1, 1e100, True]), json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])))
print(json.JSONDecoder().raw_decode('{"a": 1} tail'), json.decoder.scanstring('"abc\\n" x', 1))
print(json.encoder.encode_basestring_ascii("aé\x01"), json.encoder.encode_basestring("aé\x01"))
doc = json.dumps([{"id": i, "s": "é" * (i % 3)} for i in range(50)])
print(len(doc), json.loads(doc) == [{"id": i, "s": "é" * (i % 3)} for i in range(50)])
