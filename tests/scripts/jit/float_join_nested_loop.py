# Regression (issue 10): a float local joined after a merge lost its fraction
# (34.0 instead of 34.5) under generalize, cap:2 and cfg.
def f():
    ta = 0
    for i in range(100):
        for j in range(3):
            v = None if i % 18 == 0 else i
            if i % 22 == 0:
                ta = 0.5
            ta = ta + 1
    return ta
print(f())
