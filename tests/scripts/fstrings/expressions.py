a, b = 6, 7
print(f"{a} * {b} = {a * b}")
print(f"{a > b} {a < b} {a == 6 and b == 7}")
print(f"{[i * i for i in range(5)]}")
print(f"{(lambda q: q + 1)(1)}")
print(f"{'yes' if a else 'no'}")
print(f"{a:}{b:}")
print(f"{len('abc')} {max(a, b)} {sorted([3, 1, 2])}")
print(f"{a!r:>4}{b!r:<4}|")
d = {"x": 1}
print(f"{d['x'] + 1}")
print(f"{'%d' % 5} {'{}'.format(6)}")
