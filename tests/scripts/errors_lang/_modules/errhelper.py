VALUE = 7

def double(x):
    return 2 * x
