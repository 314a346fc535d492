import sys
sys.path.insert(0, "_modules")
import pkg
print(pkg.INIT, pkg.helper())
import pkg.helpers
print(pkg.helpers.helper())
from pkg import helpers as hp
print(hp is pkg.helpers)
from pkg.sub.deep import VALUE
print(VALUE)
import pkg.sub.deep as dp
print(dp.VALUE, dp.helpers is pkg.helpers)
try:
    import pkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    import geometry.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
