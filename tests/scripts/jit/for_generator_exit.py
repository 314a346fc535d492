# Regression (issue 10): a FOR_ITER over a generator stepped by the helper
# duplicated [iterator, item] in the exit snapshot of its exhausted path, so the
# interpreter resumed with an int where the iterator belongs.
def fold(x):
    for y in x:
        pass
def g(n):
    if n:
        yield 0
for i in range(150):
    fold([i, 1.5])
    try:
        int("q") if i % 3 == 0 else 1
    except ValueError:
        pass
    for y in g(i % 2):
        pass
print("ok")
