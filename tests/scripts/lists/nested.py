m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], len(m), len(m[0]))
t = [[m[j][i] for j in range(3)] for i in range(3)]
print(t)
flat = []
for row in m:
    flat.extend(row)
print(flat)
m[0][0] = "x"
print(m)
deep = [1, [2, [3, [4, [5]]]]]
print(deep, deep[1][1][1][1][0])
self_ref = [1, 2]
self_ref.append(self_ref)
print(self_ref)
