rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.125)]
print(f"{'name':<10}{'qty':>5}{'price':>10}")
print("-" * 25)
total = 0.0
for name, qty, price in rows:
    total += qty * price
    print(f"{name:<10}{qty:>5}{price:>10.2f}")
print("-" * 25)
print(f"{'total':<10}{'':>5}{total:>10.2f}")
print(f"{'=' * 5:^25}")
