match 5:
    case int(x) if x > 9:
        print("never")
    case int(x, y):
        print("never")
