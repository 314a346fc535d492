import sys
sys.path.insert(0, "_modules")
from star_mod import *
print(visible, Also.__name__)
try:
    hidden_by_all
except NameError as e:
    print("NameError:", e)
from star_noall import *
print(a, b, f())
try:
    _c
except NameError as e:
    print("NameError:", e)
