text = "abracadabra"
counts = {}
for ch in text:
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
freq = {}
for n in [3, 1, 3, 2, 3, 1]:
    freq[n] = freq.get(n, 0) + 1
print(freq)
print(max(freq, key=freq.get), sorted(freq.items(), key=lambda kv: kv[1]))
