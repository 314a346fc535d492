# UTF-16 and UTF-32 codecs (_codecs.utf_16_*/utf_32_*): BOMs, byte orders,
# surrogate pairs, errors, incremental decoding, json.loads of UTF-16/32 bytes.
for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
    s = "héllo \U0001F600 x"
    b = s.encode(enc)
    print(enc, b, b.decode(enc) == s)
print(b"\xff\xfeh\x00i\x00".decode("utf-16"), b"\xfe\xff\x00h\x00i".decode("utf-16"), b"h\x00i\x00".decode("utf-16"))
import json, io, codecs
print(json.loads('[1, "é"]'.encode("utf-16")), json.loads('{"a": 2}'.encode("utf-32-be")))
for bad in (b"\x00\xd8a\x00", b"a\x00b"):
    try:
        print(bad.decode("utf-16-le"))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
print(b"a\x00b".decode("utf-16-le", "replace"), b"a\x00b".decode("utf-16-le", "ignore"))
dec = codecs.getincrementaldecoder("utf-16")()
print([dec.decode(bytes([c])) for c in "hi".encode("utf-16")], dec.decode(b"", final=True))
f = io.TextIOWrapper(io.BytesIO("ab\ncd\n".encode("utf-16")), encoding="utf-16")
print(f.read())
