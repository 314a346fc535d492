for v in [-1.5, -0.0, 0.0, 1.5]:
    print(f"{v}|{v:+}|{v: }|{v:-}|{v:+.1f}|{v:08.2f}|")
for v in [-3, 0, 3]:
    print(f"{v:+d}|{v: d}|{v:05d}|{v:<+5d}|")
