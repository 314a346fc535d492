text = "Hello World From Tributary"
print("".join([c for c in text if c.isupper()]))
print(" ".join([w[::-1] for w in text.split()]))
print([w.lower() for w in text.split() if len(w) > 4])
print({w[0]: w for w in text.split()})
csv = "1,2,3\n4,5,6\n7,8,9"
rows = [[int(x) for x in line.split(",")] for line in csv.splitlines()]
print(rows, [sum(r) for r in rows])
