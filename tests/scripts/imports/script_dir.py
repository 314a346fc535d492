import sys
print(type(sys.path[0]).__name__, len(sys.path) >= 1)
from _modules import geometry
print(geometry.__name__, geometry.PI)
import _modules.counter_mod
print(_modules.counter_mod.bump(), _modules.counter_mod.__name__)
import _modules
print(_modules.geometry is geometry, __file__.endswith("script_dir.py"))
