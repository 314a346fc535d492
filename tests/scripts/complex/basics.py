# complex: literals, construction (numbers, strings, __complex__), arithmetic
# with int and float, comparison, hashing, repr and the TypeErrors of the
# operations complex does not have.
def show(f):
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(repr(r))
z = 1 + 2j
print(z, type(z), z.real, z.imag, z.conjugate(), abs(3+4j), -z, +z, 1j, -1j, 0j, -0j, 2j * 2j)
print(complex(), complex(1), complex(1.5, -2), complex("1+2j"), complex(" (3-4J) "), complex("j"), complex("-j"), complex("1e3+1e-3j"), complex("inf-nanj"))
print(z + 1, 1 + z, z - 1.5, 1.5 - z, z * 2, 2 * z, z / 2, 2 / z, z ** 2, 2 ** z, z ** 0.5, z ** -1, z ** z)
print(z == 1 + 2j, z == 1, complex(1, 0) == 1, complex(1, 0) == 1.0, 1 == complex(1), z != z, hash(complex(1, 0)) == hash(1), hash(z), hash(1.5+0j) == hash(1.5))
print(bool(0j), bool(1j), repr(complex(0.0, 1.0)), repr(complex(-0.0, 1.0)), repr(complex(1e20, 1e-5)), repr(complex(float("nan"), float("inf"))))
print({1j: "a"}[1j], isinstance(1j, complex), complex.__name__, (1+2j).__getnewargs__())
show(lambda: 1j < 2j)
show(lambda: 1j // 2)
show(lambda: 1j % 2)
show(lambda: 1 / 0j)
show(lambda: 0j ** -1)
show(lambda: 0j ** 1j)
show(lambda: pow(1j, 2, 3))
show(lambda: complex("abc"))
show(lambda: complex("1+"))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex([]))
show(lambda: complex(1, []))
show(lambda: int(1j))
show(lambda: float(1j))
show(lambda: abs(complex(1e308, 1e308)))
show(lambda: complex(1e308, 1e308) ** 2)
show(lambda: complex(10**400))
show(lambda: 1j + 10**400)
show(lambda: 1j + "a")
show(lambda: round(1j))
class W:
    def __complex__(self): return 3+4j
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7
print(complex(W()), complex(F()), complex(I()), complex(1j, 1j), complex(1+1j, 2), complex(2, 1+1j))
print(sum([1j, 2, 3.5]), (1+1j) ** 100, (1.5+0.5j) ** 3, (2+3j) / (4-5j), (1e300+1e300j) / (1e300+1e300j))
print(str(1+2j), format(1+2j), f"{1j}", "%s" % (1j,))
print([x * 1j for x in range(3)], complex(-0.0, -0.0), complex(0.0, -0.0), -(0j))
