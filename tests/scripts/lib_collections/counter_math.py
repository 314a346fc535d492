from collections import Counter
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, b - a, a & b)
print(Counter(x=-2) + Counter(), Counter(x=5) - Counter(x=5))
inventory = Counter(apples=5, pears=2)
sold = Counter(apples=3, pears=2, plums=1)
print(inventory - sold, (inventory - sold).total())
c = a.copy(); c['z'] = 7; print(type(c).__name__, 'z' in a, c)
letters = Counter()
for word in ['hello', 'world']:
    letters.update(word)
print(letters.most_common(3))
