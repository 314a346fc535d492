import random
for seed in range(10):
    random.seed(seed)
    deck = list(range(52))
    random.shuffle(deck)
    print(seed, deck[:13], random.choice(deck), random.choice('hearts'), random.choice((1, 2)))
random.seed(99)
words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon']
for _ in range(5):
    random.shuffle(words)
    print(words)
print([random.choice(range(1000)) for _ in range(10)])
try:
    random.choice([])
except IndexError as e:
    print('IndexError', e)
one = [1]
random.shuffle(one)
empty = []
random.shuffle(empty)
print(one, empty)
