import math

match 3:
    case math.floor():
        print("never")
