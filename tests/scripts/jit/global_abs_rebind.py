# Rebinding the builtin abs (via a global) while a trace using it is live.
def run():
    global abs
    acc = 0.0
    for i in range(40):
        acc = acc + abs(-1.5 * i)
        if i == 20:
            abs = lambda x: 42
    return acc

print(run())
print(abs(-3))
del abs
print(abs(-3.5))
t = 0
for i in range(30):
    t = t + abs(i - 15)
    if i == 10:
        abs = lambda v: -1
print(t)
del abs
print(abs(-7))
