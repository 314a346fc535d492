import sys
sys.path.insert(0, "_modules")
import counter_mod
counter_mod.bump()
import counter_mod as again
print(again.bump(), counter_mod.count, again is counter_mod)
from counter_mod import bump
print(bump(), counter_mod.count)
print("counter_mod" in sys.modules, sys.modules["counter_mod"] is counter_mod)
del sys.modules["counter_mod"]
import counter_mod as fresh
print(fresh.count, fresh is counter_mod)
