print(f"{True} {False} {None}")
print(f"{True:>6}|{False:<6}|{True:d}|{False:5d}|")
print(f"{True + 1} {None is None}")
print(f"{1 == 1!s:>7}|")
