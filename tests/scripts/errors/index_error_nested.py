def get(xs, i):
    return xs[i]
def middle(xs):
    return get(xs, len(xs))
print("start")
print(middle([1, 2, 3]))
