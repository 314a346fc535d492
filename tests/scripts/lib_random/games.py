import random
def roll(rng, n):
    return sorted(rng.randint(1, 6) for _ in range(n))
rng = random.Random(2023)
print([roll(rng, 5) for _ in range(6)])
suits = 'SHDC'
ranks = '23456789TJQKA'
deck = [r + s for s in suits for r in ranks]
rng.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
print(hands)
names = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay']
print(rng.sample(names, 3), rng.choices(names, weights=[6, 5, 4, 3, 2, 1], k=6))
maze = [[1 if rng.random() < 0.3 else 0 for _ in range(12)] for _ in range(6)]
for row in maze:
    print(''.join('#' if c else '.' for c in row))
