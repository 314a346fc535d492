import sys
sys.path.insert(0, "_modules")
import raiser
try:
    raiser.fail(2)
except KeyError as e:
    print("KeyError:", e)
raiser.fail(1)
