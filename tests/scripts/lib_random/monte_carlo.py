import random
random.seed(0)
inside = 0
N = 20000
for _ in range(N):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4.0 * inside / N)
walk = 0
positions = []
for step in range(1000):
    walk += random.choice((-1, 1))
    if step % 100 == 0:
        positions.append(walk)
print(walk, positions)
