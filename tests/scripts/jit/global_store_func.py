# Functions storing globals inside hot loops and as hot function traces,
# while other code reads (and has folded) the same globals.
counter = 0
seen = 0


def bump(k):
    global counter
    counter = counter + k


def loop_store(n):
    global seen
    for i in range(n):
        seen = seen + i
        bump(1)
    return seen


print(loop_store(50), counter)


def reader(n):
    s = 0
    for i in range(n):
        s += counter
        if i % 10 == 0:
            bump(2)
    return s


print(reader(40), counter)


def overflow(n):
    global big
    big = 2 ** 46
    for i in range(n):
        big = big + 2 ** 45
    return big


print(overflow(10))


def retype(n):
    global val
    val = 0
    for i in range(n):
        val = val + 1
        if i == 5:
            val = 0.5
    return val


print(retype(20))
