class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print("TypeError:", e)
raise 5
