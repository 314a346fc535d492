import sys
print(len(sys.argv))
name = sys.argv[0]
base = name.replace("\\", "/").split("/")[-1]
print(base)
print(sys.argv[1:])
