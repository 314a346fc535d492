import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught SystemExit", e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit", e.args)
print("continuing")
sys.exit(0)
