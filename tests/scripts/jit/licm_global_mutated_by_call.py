# A global read in the loop is changed by a residual call (must not be hoisted).
SCALE = 1

def change(i):
    global SCALE
    if i % 10 == 9:
        SCALE = SCALE + 1

tot = 0
for i in range(60):
    tot = tot + SCALE * i
    change(i)
print(tot, SCALE)

def loop():
    t = 0.0
    for i in range(40):
        t = t + SCALE * 0.5
        change(i)
    return t
print(loop(), SCALE)
