# A source file that is not UTF-8 (and declares no encoding) is a SyntaxError
# before anything runs; the message names the absolute path, hence hand-written.
print("never printed")
s = "café"
print(s)
