from collections import deque, defaultdict
grid = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E"]
rows, cols = len(grid), len(grid[0])
start = end = None
for r in range(rows):
    for c in range(cols):
        if grid[r][c] == 'S': start = (r, c)
        if grid[r][c] == 'E': end = (r, c)
dist = {start: 0}
q = deque([start])
while q:
    r, c = q.popleft()
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != '#' and (nr, nc) not in dist:
            dist[(nr, nc)] = dist[(r, c)] + 1
            q.append((nr, nc))
print(dist.get(end), len(dist))
graph = defaultdict(list)
for a, b in [(1, 2), (1, 3), (2, 4), (3, 4), (4, 5), (5, 6)]:
    graph[a].append(b); graph[b].append(a)
seen, order, q = {1}, [], deque([1])
while q:
    n = q.popleft(); order.append(n)
    for m in graph[n]:
        if m not in seen:
            seen.add(m); q.append(m)
print(order)
