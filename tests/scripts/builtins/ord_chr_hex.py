print(ord("A"), chr(66), hex(255), oct(255), bin(255))
print(hex(-1), oct(-64), bin(-3), hex(10 ** 20))
print([chr(i) for i in range(97, 103)], [ord(c) for c in "AZaz09"])
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
