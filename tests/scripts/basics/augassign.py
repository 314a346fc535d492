x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 4
print(x)
x **= 10
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
x |= 0x55
print(x)
x &= 0xF0
print(x)
x ^= 0xFF
print(x)
f = 1.5
f /= 2
print(f)
f += 1
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l2 = l
l += [2, 3]
print(l, l2, l is l2)
l *= 2
print(l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
d = {"a": [1]}
d["a"] += [2]
print(d)
lst = [1, 2, 3]
lst[0] += 100
lst[-1] *= 7
print(lst)
