def search(xs, target):
    i = 0
    while i < len(xs):
        if xs[i] == target:
            print("found at", i)
            break
        i += 1
    else:
        print("not found")
search([1, 2, 3], 2)
search([1, 2, 3], 7)
search([], 1)
n = 0
while n < 3:
    n += 1
else:
    print("while else ran, n =", n)
