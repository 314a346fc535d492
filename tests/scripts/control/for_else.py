for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("empty loop else")
for x in [1, 2]:
    continue
else:
    print("continue doesn't skip else")
