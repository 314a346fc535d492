total = 0
def add(x):
    total = total + x
    return total
print("before")
add(5)
