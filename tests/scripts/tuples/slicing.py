t = tuple(range(10))
print(t[2:7], t[::2], t[::-3], t[-4:-1], t[100:], t[:0])
print(t[1:9:2][::-1])
print(len(t[3:]), type(t[1:2]))
