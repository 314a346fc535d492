def first(x):
    return x[0]
print(first([7]))
print(first("s"))
print(first(42))
