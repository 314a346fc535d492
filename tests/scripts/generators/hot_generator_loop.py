def squares(n):
    for i in range(n):
        yield i * i
total = 0
for k in range(50):
    for s in squares(200):
        total += s
print(total)
def evens(n):
    i = 0
    while i < n:
        if i % 2 == 0:
            yield i
        i += 1
print(sum(evens(20000)))
print(sum(x for x in range(30000) if x % 3 == 0))
