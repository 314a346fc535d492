def helper():
    return undefined_variable * 2
def outer():
    print("calling helper")
    return helper()
outer()
