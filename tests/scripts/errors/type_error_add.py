def label(n):
    return "item " + n
def run():
    for i in range(3):
        print(label(str(i)))
    print(label(3))
run()
