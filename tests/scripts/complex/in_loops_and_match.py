# complex values in hot loops (the JIT records them as generic objects) and
# complex literals in match patterns.


def mandel(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2.0:
            return i
    return limit


rows = []
for y in range(-4, 5):
    rows.append("".join("#" if mandel(complex(x / 10, y / 5)) == 50 else "." for x in range(-20, 6)))
print("\n".join(rows))

acc = 0j
for k in range(1, 200):
    acc += complex(k, -k) / k
    acc *= 1 - 0.001j
print(acc)

total = 0
for z in [1j, 2 + 0j, -3j, 1 + 1j] * 50:
    total += z.real * 2 - z.imag
print(total)


def classify(z):
    match z:
        case 0j:
            return "zero"
        case 1 + 2j:
            return "one-two"
        case -3j:
            return "minus-three-j"
        case complex(real=r, imag=0.0):
            return "real %s" % r
        case complex():
            return "other complex"
        case _:
            return "not complex"


for v in (0j, 1 + 2j, complex(1, 2), -3j, complex(5, 0), 2 + 5j, 3):
    print(v, classify(v))
