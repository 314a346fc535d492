from collections import Counter
s = 'She sells sea shells by the sea shore'
letters = Counter(c for c in s.lower() if c.isalpha())
print(letters.most_common(4))
words = Counter(s.lower().split())
print(words, words['sea'], words.most_common(1))
print(sorted(letters.elements())[:10], +letters == letters if False else True)
anagram = lambda a, b: Counter(a) == Counter(b)
print(anagram('listen', 'silent'), anagram('abc', 'abd'))
