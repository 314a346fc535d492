def fail(n):
    if n == 0:
        raise KeyError("from module")
    return fail(n - 1)
