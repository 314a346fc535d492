# Shape: an exception raised inside compiled loop code leaves through a
# side exit; the loop was compiled and entered.
# jit-expect: loops==2 bridges==0 aborts==0 side_exits>=2

def main():
    d = {}
    for i in range(300):
        d[i] = i
    s = 0
    try:
        for i in range(1000):
            s = s + d[i]
    except KeyError as e:
        print("KeyError", e, s)


main()
