import sys
for i in range(5):
    print("line", i)
sys.stdout.write("partial")
print(" end")
x = [1, 2, 3]
print(x[10])
