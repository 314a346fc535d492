import sys
print("clean exit")
try:
    sys.exit(0)
finally:
    print("finally runs on exit")
print("not reached")
