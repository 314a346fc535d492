import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "_modules"))
try:
    import errbroken
except ZeroDivisionError as e:
    print("import failed:", e)
print("errbroken" in sys.modules)
import errbroken
