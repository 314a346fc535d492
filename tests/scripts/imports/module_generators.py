import sys
sys.path.insert(0, "_modules")
from gen_mod import squares, Managed
print(list(squares(4)), sum(squares(10)))
with Managed() as m:
    print(m)
