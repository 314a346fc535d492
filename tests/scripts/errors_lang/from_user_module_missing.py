import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "_modules"))
import errhelper
print(errhelper.VALUE, errhelper.double(4))
try:
    from errhelper import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
errhelper.missing_name
