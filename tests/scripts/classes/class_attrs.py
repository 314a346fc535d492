class Counter:
    count = 0
    label = "c"
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
a = Counter(); b = Counter(); c = Counter()
print(Counter.count, a.id, b.id, c.id)
print(a.label, Counter.label)
a.label = "mine"
print(a.label, b.label, Counter.label)
Counter.label = "changed"
print(a.label, b.label)
