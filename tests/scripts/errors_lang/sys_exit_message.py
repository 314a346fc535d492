import sys
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
sys.exit("fatal: message to stderr")
