def shout(s):
    return s.upper()
print(shout("hi"))
print(shout(5))
