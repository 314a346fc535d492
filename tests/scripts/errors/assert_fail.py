def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x
print(check(1))
print(check(-2))
