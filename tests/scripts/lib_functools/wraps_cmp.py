from functools import wraps, cmp_to_key
def deco(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k) * 2
    return inner
@deco
def compute(x):
    """Doc of compute."""
    return x + 1
print(compute(3), compute.__name__, compute.__wrapped__(3))
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ['pear', 'fig', 'apple', 'kiwi', 'banana', 'date']
print(sorted(words, key=cmp_to_key(by_len_then_alpha)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), max([1, 5, 3], key=cmp_to_key(lambda a, b: a - b)))
