while True:
    try:
        raise ValueError
    except *ValueError:
        for i in range(3):
            break
        print("handled")
    break
try:
    pass
except* (ValueError, TypeError) as e:
    pass
else:
    print("else")
