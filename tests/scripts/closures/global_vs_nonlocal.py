x = "global x"
def outer():
    x = "outer x"
    def use_global():
        global x
        x = "changed global"
    def use_nonlocal():
        nonlocal x
        x = "changed outer"
    use_global()
    r1 = x
    use_nonlocal()
    return r1, x
print(outer(), x)
