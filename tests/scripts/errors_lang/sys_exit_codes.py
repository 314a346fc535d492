import sys
print("before exit")
sys.stdout.write("written\n")
sys.exit(3)
