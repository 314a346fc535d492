for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
print("loop done")
def f():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i >= 0:
                break
    return "broke out, exception discarded " + str(i)
print(f())
i = 0
while i < 3:
    i += 1
    try:
        continue
    finally:
        print("while finally", i)
