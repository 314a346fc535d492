from itertools import product, permutations, combinations
total = 0
for a, b, c in product(range(10), repeat=3):
    if a + b + c == 10:
        total += 1
print(total)
best = None
for perm in permutations(range(7)):
    score = sum(i * v for i, v in enumerate(perm))
    if best is None or score > best[0]:
        best = (score, perm)
print(best)
cnt = 0
for combo in combinations(range(1, 20), 3):
    if sum(combo) % 7 == 0:
        cnt += 1
print(cnt)
triples = [(a, b, c) for a, b, c in combinations(range(1, 30), 3) if a * a + b * b == c * c]
print(triples)
