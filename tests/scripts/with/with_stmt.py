def f(cm):
    with cm as x:
        return x
print(f(None))
