import random
random.seed(12345)
print(random.sample(range(100), 10))
print(random.sample(range(10**9), 8))
print(random.sample('abcdefghij', 4), random.sample(['x', 'y', 'z'], 3), random.sample((1, 2, 3), 0))
print(random.sample(range(30), 6), random.sample(range(1000), 50))
print(random.sample(['a', 'b'], k=5, counts=[3, 4]))
print(random.choices('abc', k=10))
print(random.choices(range(10), weights=range(10), k=10))
print(random.choices(['x', 'y', 'z'], cum_weights=[0.1, 0.5, 1.0], k=10))
print(random.choices([1, 2, 3], [5, 0, 1], k=8), random.choices('q'))
def attempt(f):
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
attempt(lambda: random.sample(range(3), 5))
attempt(lambda: random.sample(range(3), -1))
attempt(lambda: random.sample({1, 2, 3}, 2))
attempt(lambda: random.choices('ab', [1], k=2))
attempt(lambda: random.choices('ab', [0, 0], k=2))
attempt(lambda: random.choices('ab', [1, 1], [1, 2]))
attempt(lambda: random.choices('ab', 3))
