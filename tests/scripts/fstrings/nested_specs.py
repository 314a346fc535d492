width = 10
prec = 3
x = 2.718281828
print(f"{x:{width}.{prec}f}|")
print(f"{x:>{width}}|")
print(f"{'ab':{'^'}{width}}|")
for w in range(4, 8):
    print(f"{42:{w}}|{42:0{w}}|")
align = "<"
print(f"{'z':{align}5}|")
