import sys
sys.path.insert(0, "_modules")
import circ_a
print(circ_a.use_b(), circ_a.circ_b.use_a())
