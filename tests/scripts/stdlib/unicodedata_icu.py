# unicodedata on ICU's database: names, lookup, categories, bidirectional
# classes, combining classes, widths, numeric values, decompositions and the
# four normalization forms (characters of Unicode 14 and before).
import unicodedata as ud
chars = "aZ5\u00e9\u0301 \u00a0\u2163\u00bd\u0660\u00b2\u4e00\uff21\u200f\u2028(\U0001F600\u00c5\ufb01\u212b"
for c in chars:
    print("U+%04X" % ord(c), ud.name(c, "?"), ud.category(c), ud.bidirectional(c), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None),
          repr(ud.decomposition(c)))
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    for s in ("e\u0301", "\u00e9", "\ufb01", "\u212b", "\u1e9b\u0323", "x\u2163y"):
        print(form, [hex(ord(ch)) for ch in ud.normalize(form, s)], ud.is_normalized(form, s))
print(ud.lookup("LATIN SMALL LETTER A WITH ACUTE"), ud.lookup("GREEK CAPITAL LETTER OMEGA"), ud.lookup("SNOWMAN"))
for bad in (lambda: ud.lookup("NO SUCH THING"), lambda: ud.name("\ue000"), lambda: ud.decimal("x"),
            lambda: ud.digit("x"), lambda: ud.numeric("x"), lambda: ud.normalize("NFX", "a"), lambda: ud.category("ab"),
            lambda: ud.category(5)):
    try:
        bad()
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
