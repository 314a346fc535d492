# Codecs beyond utf-8/ascii/latin-1 through the encodings package: charmap
# codecs (cp437, cp1252), utf-16/utf-32, errors, str.encode/bytes.decode, open().
import codecs
for enc in ("cp437", "cp1252", "cp850", "iso8859_15", "mac_roman", "koi8_r"):
    s = "h\u00e9llo \u00fc"
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e)
print(bytes(range(128, 140)).decode("cp437"))
print("\u20ac".encode("cp1252"), b"\x80".decode("cp1252"))
for bad in (lambda: "\u20ac".encode("cp437"), lambda: b"\x81".decode("cp1252")):
    try:
        bad()
    except UnicodeError as e:
        print(type(e).__name__, e)
print("\u20ac x".encode("cp437", "replace"), b"a\x81b".decode("cp1252", "replace"), b"a\x81b".decode("cp1252", "ignore"))
print(codecs.encode("abc", "rot13"), codecs.decode(b"616263", "hex"))
try:
    b"x".decode("no-such-codec")
except LookupError as e:
    print("LookupError", e)
