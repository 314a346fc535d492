print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(233), chr(8364))
print("".join([chr(ord(c) + 1) for c in "HAL"]))
def caesar(s, k):
    out = []
    for c in s:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - 97 + k) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)
print(caesar("hello, world", 3), caesar(caesar("xyz", 5), -5))
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
