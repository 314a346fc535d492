import sys
print("before exit")
def leave():
    sys.exit(3)
leave()
print("never printed")
