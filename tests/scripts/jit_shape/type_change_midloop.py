# Shape: a loop variable that changes type (int -> float) mid-way makes the
# compiled loop exit on its type guard; the loop is compiled again (or a
# bridge is attached) for the new type.
# jit-expect: loops>=1 side_exits>=2
# jit-expect[none]: bridges>=1

def main():
    x = 0
    for i in range(500):
        if i == 250:
            x = 0.5
        x = x + 1
    print(x)


main()
