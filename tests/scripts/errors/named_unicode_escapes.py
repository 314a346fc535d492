# \N{NAME} escapes: character names (any case), algorithmic names (CJK, Hangul),
# name aliases; an unknown name is a SyntaxError at compile time.
print(ascii("\N{EM DASH} \N{BULLET} \N{GREEK SMALL LETTER ALPHA} \N{latin small letter e with acute}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}\N{GRINNING FACE}\N{SNOWMAN}"))
print(ascii("\N{LATIN CAPITAL LETTER GHA}\N{NULL}\N{LINE FEED}\N{LF}\N{TAB}\N{ESC}\N{DEL}\N{NBSP}\N{BOM}"))
print(ascii(f"\N{BULLET} {1 + 1} \N{RIGHTWARDS ARROW}"), ascii(b"\N{BULLET}"), ascii(r"\N{BULLET}"))
print(len("\N{SPACE}\N{NO-BREAK SPACE}"), "\N{DIGIT SEVEN}" + "\N{PLUS SIGN}")


def attempt(src):
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)


for src in ['"\\N{NOPE}"', '"\\N"', '"\\N{}"', '"ab\\N{LATIN SMALL LETTER A"', '"\\N{bullet}x"']:
    attempt(src)
exec("print(\"\\N{TOFU ON FIRE}\")")
