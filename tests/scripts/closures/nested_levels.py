def a():
    x = "a"
    def b():
        y = "b"
        def c():
            z = "c"
            def d():
                return x + y + z
            return d
        return c
    return b
print(a()()()())
def level1():
    v = 0
    def level2():
        def level3():
            nonlocal v
            v += 5
        level3()
        level3()
    level2()
    return v
print(level1())
