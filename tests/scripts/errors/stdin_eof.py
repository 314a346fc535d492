# sys.stdin is a text file over fd 0 (the test runner gives /dev/null): reads
# return '' at EOF, iteration ends at once, and input() raises EOFError.
import sys

print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read()))
print(sys.stdin.readlines())
print([line for line in sys.stdin])
print(sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, sys.stdin.readable(), sys.stdin.fileno())
print(repr(sys.stdin))
print(sys.stdin is sys.__stdin__)
n = sys.stdout.write("written\n")
sys.stdout.flush()
print(n)
sys.stderr.write("to stderr\n")
sys.stderr.flush()
try:
    input("prompt: ")
except EOFError as e:
    print()
    print("EOFError", e)


class Lines:
    def __init__(self, lines):
        self.lines = lines

    def readline(self):
        return self.lines.pop(0) if self.lines else ""


saved = sys.stdin
sys.stdin = Lines(["first\n", "last"])
print(input(), input())
sys.stdin = saved
input()
