class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0 or self.x > 100:
            self.v = -self.v
        return self.x
ps = [Particle(i * 7.5, (i % 5) - 2) for i in range(20)]
for t in range(300):
    for p in ps:
        p.step(0.5)
print(round(sum(p.x for p in ps), 6), sum(p.v for p in ps))
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, n):
        self.total += n
a = Acc()
for i in range(5000):
    a.add(i)
print(a.total)
