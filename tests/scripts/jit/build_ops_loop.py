# BUILD_SLICE, BUILD_MAP, BUILD_SET, comprehensions (LIST_APPEND, SET_ADD,
# MAP_ADD), BUILD_STRING and FORMAT_VALUE inside compiled loops, including
# errors raised mid-loop (unhashable keys, bad format specs) and values
# changing kind (str, int, float, None, an object with __format__ in f-strings).


class Loud:
    def __repr__(self):
        return "Loud!"

    def __format__(self, spec):
        if spec == "bad":
            raise ValueError("bad spec for Loud")
        return "loud" + spec


def slices(s):
    out = []
    for i in range(len(s)):
        out.append(s[i:] + s[:i] + s[::2] + s[i::-1])
        out.append(s[i : i + 2])
    return out


def maps(n):
    out = []
    for i in range(n):
        key = [i] if i == n - 2 else i
        try:
            d = {key: i * i, "x": i}
            out.append(len(d) + d["x"])
        except TypeError as e:
            out.append(str(e))
        s = {i, i % 3, 7}
        out.append(len(s))
    return out


def comps(n):
    out = []
    for i in range(n):
        sq = [j * j for j in range(i)]
        evens = {j % 4 for j in range(i)}
        inv = {j: -j for j in range(i)}
        out.append((sum(sq), sorted(evens), len(inv)))
    return out


def fstrings(vals):
    out = []
    for v in vals:
        try:
            out.append(f"[{v}|{v!r}|{v!s}|{v!a}|{v:>6}]")
        except (ValueError, TypeError) as e:
            out.append("error: " + str(e))
    return out


def specs(vals, spec):
    out = []
    for v in vals:
        try:
            out.append(f"{v:{spec}}/{len(out)}")
        except (ValueError, TypeError) as e:
            out.append("error: " + str(e))
    return out


for _ in range(3):
    print(slices("abcdefgh"))
    print(maps(8))
    print(comps(7))
    print(fstrings(["ab", "cd", "é", 12, 3.5, None, Loud(), "z" * 7, "x"]))
    print(specs([1, 2, 3, 4.5, 5, "s", 6], "08.3f"))
    print(specs([1, 2, 3, Loud(), 4, 5], "bad"))
    print(specs(["a", "b", "c", "d", 1], "^5"))
