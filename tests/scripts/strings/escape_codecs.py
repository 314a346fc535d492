# The unicode_escape and raw_unicode_escape codecs: str.encode/bytes.decode,
# their error messages and handlers, _codecs' functions, and pickle's
# protocol 0 (which writes strings with raw_unicode_escape).
import codecs, pickle
samples = ["plain", "tab\tnew\nline\r", "back\\slash", "quote'\"", "é ü", "\u20ac\U0001f600", "\x00\x7f\x1b", "a\\u0041"]
for s in samples:
    for enc in ("unicode_escape", "raw_unicode_escape", "unicode-escape"):
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
for b in [b"\\x41\\u0042\\U00000043\\N{BULLET}\\101\\\n!", b"\\x4", b"\\u12", b"\\U0011ffff", b"\\N{NOPE}", b"\\N", b"ab\\",
          b"\\\\u0041", b"\\u0041", b"\xe9\\t"]:
    for enc in ("unicode_escape", "raw_unicode_escape"):
        try:
            print(enc, b, repr(b.decode(enc)))
        except UnicodeDecodeError as e:
            print(enc, b, "UnicodeDecodeError:", e)
        print("  ", repr(b.decode(enc, "replace")), repr(b.decode(enc, "ignore")))
print(codecs.decode(b"\\n", "unicode_escape"), codecs.encode("\u1234", "raw_unicode_escape"))
print(pickle.loads(pickle.dumps(["x\u1234\\", 1.5, (1,)], 0)))
print(codecs.lookup("unicode_escape").name, codecs.unicode_escape_decode(b"\\t"), codecs.raw_unicode_escape_encode("\u1234"))
