from collections import Counter, defaultdict, deque, OrderedDict, namedtuple
text = """it was the best of times it was the worst of times it was the age of wisdom
it was the age of foolishness it was the epoch of belief it was the epoch of incredulity"""
words = text.split()
freq = Counter(words)
print(freq.most_common(5))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print(sorted(by_len.items()))
Entry = namedtuple('Entry', 'word count first')
first = {}
for i, w in enumerate(words):
    first.setdefault(w, i)
entries = sorted((Entry(w, c, first[w]) for w, c in freq.items()), key=lambda e: (-e.count, e.first))
for e in entries[:4]:
    print(e)
window = deque(maxlen=3)
trigrams = Counter()
for w in words:
    window.append(w)
    if len(window) == 3:
        trigrams[tuple(window)] += 1
print(trigrams.most_common(2))
od = OrderedDict(sorted(freq.items(), key=lambda kv: kv[0]))
print(list(od.items())[:5])
