s = "it's"
n = 5
lst = ["a", 1]
print(f"{s!r} {s!s} {n!r} {lst!r} {lst!s}")
print(f"{s!r:>10}|{s!s:>10}|")
print(f"{'x'!r:^7}|")
print(f"{3.0!r} {None!r}")
