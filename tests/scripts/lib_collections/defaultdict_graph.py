from collections import defaultdict
edges = [('a', 'b'), ('a', 'c'), ('b', 'd'), ('c', 'd'), ('d', 'e')]
graph = defaultdict(set)
indeg = defaultdict(int)
for u, v in edges:
    graph[u].add(v)
    indeg[v] += 1
    indeg[u] += 0
order = []
ready = sorted(n for n in indeg if indeg[n] == 0)
while ready:
    n = ready.pop(0)
    order.append(n)
    for m in sorted(graph[n]):
        indeg[m] -= 1
        if indeg[m] == 0:
            ready.append(m)
print(order, dict(indeg))
tree = lambda: defaultdict(tree)
t = tree()
t['a']['b']['c'] = 1
print(t['a']['b']['c'], 'x' in t['a'])
