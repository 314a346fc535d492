b = b"abc"
print(b[0], b[1:], b + b"d", bytes(3), b.hex())
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError")
ba = bytearray(b"xy")
ba[0] = 300
