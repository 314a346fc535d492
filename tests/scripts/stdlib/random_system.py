# random.SystemRandom (the kernel's entropy) and secrets, beside the seeded Random.
import random, secrets
r = random.SystemRandom()
print(isinstance(r, random.Random), type(r).__name__)
xs = [r.random() for _ in range(200)]
print(all(0 <= x < 1 for x in xs), len(set(xs)) > 190)
print(all(1 <= r.randint(1, 6) <= 6 for _ in range(100)), r.choice("abc") in "abc", sorted(r.sample(range(10), 10)) == list(range(10)))
print(0 <= r.getrandbits(5) < 32, r.getrandbits(0), r.getrandbits(100) < 2**100, len(r.randbytes(7)))
l = list(range(20)); r.shuffle(l); print(sorted(l) == list(range(20)))
print(r.seed(5))
for f in (r.getstate, lambda: r.setstate(None)):
    try:
        f()
    except NotImplementedError as e:
        print("NotImplementedError", e)
print(len(secrets.token_hex(8)), len(secrets.token_bytes(5)), 0 <= secrets.randbelow(10) < 10, secrets.choice([7]))
print(random.Random(42).random(), random.Random(42).randint(1, 100))
