print("start")
if True
    print("yes")
