inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("-nan"))
print(inf + 1, inf * -1, inf - inf, inf * 0)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(inf == inf, inf == -inf)
print(1 / inf, -1 / inf)
print(-0.0, 0.0, -0.0 == 0.0, repr(-0.0))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0))
print(str(inf), repr(nan))
print(max(1.0, inf), min(-inf, 3.0))
print(float("  1.5  "), float("1e5"), float("-.5"), float("+2."))
print(float("1_000.5"))
for bad in ["", "abc", "1.2.3", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
