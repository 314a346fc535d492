# (imported by ../inline_globals.py)
BIAS = 7


def offset(x):
    return x % 3 + BIAS
