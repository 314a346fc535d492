# Literal, singleton, value and capture patterns; match and case as ordinary names.
import math


class Color:
    RED = 1
    GREEN = 2
    BLUE = "blue"


class Config:
    class Limits:
        LOW = -5
        HIGH = 10**20


def classify(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.25:
            return "minus two and a quarter"
        case 100000000000000000000:
            return "big"
        case "":
            return "empty str"
        case "hello" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case Color.BLUE:
            return "blue"
        case Config.Limits.LOW:
            return "low"
        case other:
            return f"other {other!r}"


values = [0, -1, 1, 1.5, -2.25, 2, 10**20, "", "hello!", b"raw", None, True, False, 0.0, 1.0, -5, "blue",
          "BLUE", [], (), math.inf, -0.0]
for v in values:
    print(repr(v), "->", classify(v))

# 1 == True, but `case True` uses `is`: 1 is caught by Color.RED (== 1) first.
match 1:
    case True:
        print("is True")
    case 1:
        print("int one")

match True:
    case 1:
        print("True == 1 matched the literal 1")

# A capture binds in the enclosing scope and stays bound after the statement.
match 42:
    case n:
        pass
print("n =", n)


def local_capture():
    match "x":
        case captured:
            pass
    return captured


print(local_capture())

# match and case stay ordinary names.
match = 3
case = 4
print(match + case)


def match(*args):
    return len(args)


print(match(1, 2, 3))
print(match())


class Holder:
    match = "attr"
    case = "case attr"


match = Holder()
print(match.match, match.case)
match = [1, 2]
print(match[0])
match = {"case": 5}
print(match["case"])

# Soft keywords as subjects and inside expressions.
match = 7
match match:
    case 7:
        print("matched match")
case = 8
match case:
    case 8:
        print("matched case")
match -match:
    case -7:
        print("negative subject")
match (1, 2):
    case (1, 2):
        print("tuple subject")
match 1, 2:
    case 1, 2:
        print("bare tuple subject")
match [3]:
    case [3]:
        print("list subject")
match {"a": 1}:
    case {"a": 1}:
        print("dict subject")
match y := 5:
    case 5:
        print("walrus subject", y)
match *[1, 2], 3:
    case [1, 2, 3]:
        print("starred subject")
