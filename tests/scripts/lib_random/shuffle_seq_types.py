import random
random.seed(11)
ba = bytearray(b'abcdefgh')
random.shuffle(ba)
print(ba)
lst = list('tributary')
random.shuffle(lst)
print(''.join(lst))
for n in (2, 3, 10, 100):
    random.seed(n)
    l = list(range(n))
    random.shuffle(l)
    print(n, l[:10], sum(l) == n * (n - 1) // 2)
