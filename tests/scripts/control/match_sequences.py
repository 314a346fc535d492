# Sequence patterns: lists, tuples, ranges, star patterns; str/bytes/dict are no sequences.
import collections


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x!r}"
        case [x, y]:
            return f"two: {x!r}, {y!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first!r} ... {last!r} ({len(middle)} between)"
        case (a, b, c):
            return f"three: {a!r} {b!r} {c!r}"
        case [_, _, *rest]:
            return f"more: rest={rest!r}"
        case _:
            return f"no sequence: {v!r}"


cases = [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], (1, 2, 3), range(3), range(0), range(1, 8),
         [1, 2, 3, 4], "ab", "a", "", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, 5, None,
         collections.deque([1, 2]), collections.deque()]
for v in cases:
    print(shape(v))


def stars(v):
    match v:
        case [*all_]:
            print("all", all_)
    match v:
        case [*_, 0]:
            print("ends with zero")
        case [0, *_]:
            print("starts with zero")
        case [*_, x, y]:
            print("last two", x, y)
        case [*_]:
            print("short or empty")
    match v:
        case [a, *b, c, d]:
            print("a b c d", a, b, c, d)
        case _:
            print("too short for a, *b, c, d")


for v in [[], [0], [1, 0], [0, 1, 2], [1, 2, 3, 4, 5], (9, 8, 7), range(4)]:
    stars(v)


# Nested sequences and the tuple/list forms match both kinds.
def nested(v):
    match v:
        case [(x, y), [z, *_]]:
            return ("pairs", x, y, z)
        case ([a, b], c):
            return ("list in tuple", a, b, c)
        case [[[deep]]]:
            return ("deep", deep)
        case _:
            return "none"


for v in [[(1, 2), [3, 4, 5]], ((1, 2), (3,)), ([1, 2], 3), [[[7]]], [[[7, 8]]], [(1, 2), []]]:
    print(nested(v))


# A class with __getitem__ and __len__ is no sequence to patterns.
class Fake:
    def __getitem__(self, i):
        return i

    def __len__(self):
        return 2


match Fake():
    case [a, b]:
        print("Fake is a sequence", a, b)
    case _:
        print("Fake is no sequence")

# Star captures are lists, whatever the subject.
match (1, 2, 3):
    case (head, *tail):
        print(head, tail, type(tail).__name__)
match range(5):
    case [0, *mid, 4]:
        print("range middle", mid)
match "abc":
    case [*chars]:
        print("str matched", chars)
    case str(s):
        print("str is no sequence:", s)
