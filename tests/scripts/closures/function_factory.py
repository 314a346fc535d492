def make_multiplier(m):
    return lambda x: x * m
def make_poly(coeffs):
    def p(x):
        r = 0
        for c in coeffs:
            r = r * x + c
        return r
    return p
times3 = make_multiplier(3)
print(times3(5), times3("ab"), make_multiplier(0.5)(3))
poly = make_poly([1, 0, -2])
print([poly(x) for x in range(-2, 3)])
