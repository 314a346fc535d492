import random
random.seed(4242)
counts = {}
for _ in range(6000):
    r = random.randint(1, 6)
    counts[r] = counts.get(r, 0) + 1
print(sorted(counts.items()))
vals = [random.random() for _ in range(1000)]
print(min(vals), max(vals), round(sum(vals) / len(vals), 6))
print(sorted(random.sample(range(20), 20)) == list(range(20)))
