r = range(10**20)
print(r, len(range(10**20, 10**20+5)), r[-1], r[5], r[10**19], 10**19 in r, -1 in r, 10**20 in r)
try:
    len(r)
except OverflowError as e:
    print("OverflowError:", e)
print(bool(r), bool(range(10**20, 10**20)), type(iter(r)).__name__, type(reversed(r)).__name__)
print(type(iter(range(2**63-1))).__name__, type(reversed(range(-2**63, 0))).__name__)
print(list(range(2**63-3, 2**63+2)), list(reversed(range(2**63-3, 2**63+2))))
print(list(range(2**64, 2**64+30, 7)), list(reversed(range(2**64, 2**64+30, 7))))
print(r[::2], r[1:10**19:3], r[::-1], r[-5:], r[10**30:], r[:-10**30])
print(range(-2**63, 2**63-1)[::-1], range(-2**63, 2**63 - 1, 3)[::-2])
print(range(0, 10**20, 3).index(999999999999999999), range(0, 10**20, 3).count(10**19+1), range(0,10**20,3).count(3*10**18))
try:
    range(0, 10**20, 3).index(10**19+1)
except ValueError as e:
    print("ValueError:", e)
print(r == range(0, 10**20), r == range(0, 10**20, 2), range(10**20, 10**20) == range(0), range(5, 6, 10**30) == range(5, 6))
print(hash(range(10**20)) == hash(range(0, 10**20)), hash(range(10**20, 10**20+1, 10**25)) == hash(range(10**20, 10**20+1)))
print(r.start, r.stop, r.step, range(1, 10**30, -10**25).step, range(10**30, 1, -10**25))
print(list(range(10**30, 1, -3*10**29)), sum(range(2**62, 2**62 + 10)))
big = range(-10**20, 10**20, 10**19)
print(len(big), big[3], big[-3], list(big)[:3], big.index(-10**19), 5 in big, 0 in big, 10**19 * 1.0 in big)
print(range(True, 10**20, True), 2**70 - 1 in range(2**70), range(2**63-1)[-1], range(-2**63, 2**63)[2**63])
for i in range(2**63 - 2, 2**63 + 1):
    print(i, end=" ")
print()
for i in range(0, 2**63 - 1, 2**62):
    print(i, end=" ")
print()
for i in reversed(range(-2**63, -2**63 + 3)):
    print(i, end=" ")
print()
print(list(range(-2**63, 2**63-1, 2**62)), range(-2**63, 2**63 - 1, 2**62)[-1])
try:
    range(10**20)[10**20]
except IndexError as e:
    print("IndexError:", e)
try:
    range(10**20)[-10**20 - 1]
except IndexError as e:
    print("IndexError:", e)
print(range(10**20)[-10**20], range(10**20)[True])
print(range(10)[::10**30], range(10)[::-10**30], range(10)[10**30:], range(10)[-10**30:3], range(5)[1:2:3])
try:
    range(10)[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    range(10**20)[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    range(10**20)["a":]
except TypeError as e:
    print("TypeError:", e)
try:
    range(10**20, 1, 0)
except ValueError as e:
    print("ValueError:", e)
it = iter(range(10**20, 10**20 + 3))
print(next(it), list(it), list(it))
print(max(range(10**20, 10**20 + 3)), min(range(2**63, 2**63 + 3)), sorted(range(2**64+3, 2**64, -1)))
print(list(zip(range(2**63 - 1, 2**63 + 1), "ab")), list(enumerate(range(2**70, 2**70 + 2))))
print(range(3) == range(10**20), range(10**20) != range(10**20 + 1), {range(10**20): 1}[range(0, 10**20, 1)])
