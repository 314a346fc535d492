# Globals stored inside hot loops and functions.
counter = 0
total = 0.0

def bump(x):
    global counter, total
    counter = counter + 1
    total = total + x

for i in range(50):
    bump(i * 0.5)
print(counter, total)
g = 0
for i in range(40):
    g = g + i
print(g, i)
limit = 10
hits = 0
for i in range(60):
    if i > limit:
        hits = hits + 1
    if i == 30:
        limit = 50
print(hits, limit)
