# Sudoku: backtracking solver with constraint propagation, plus a plain
# backtracking solver and a validity checker.

DIGITS = "123456789"
ROWS = "ABCDEFGHI"
COLS = DIGITS


def cross(a, b):
    return [x + y for x in a for y in b]


SQUARES = cross(ROWS, COLS)
UNITLIST = ([cross(ROWS, c) for c in COLS] +
            [cross(r, COLS) for r in ROWS] +
            [cross(rs, cs) for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
UNITS = {s: [u for u in UNITLIST if s in u] for s in SQUARES}
PEERS = {s: sorted(set(sum(UNITS[s], [])) - {s}) for s in SQUARES}


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self):
        self.assignments = 0
        self.searches = 0

    def parse(self, grid):
        values = {s: DIGITS for s in SQUARES}
        chars = [c for c in grid if c in DIGITS or c in "0."]
        if len(chars) != 81:
            raise ValueError(f"grid has {len(chars)} cells")
        for s, d in zip(SQUARES, chars):
            if d in DIGITS:
                self.assign(values, s, d)
        return values

    def assign(self, values, s, d):
        self.assignments += 1
        for other in values[s].replace(d, ""):
            self.eliminate(values, s, other)
        return values

    def eliminate(self, values, s, d):
        if d not in values[s]:
            return
        values[s] = values[s].replace(d, "")
        if len(values[s]) == 0:
            raise Contradiction(s)
        if len(values[s]) == 1:
            d2 = values[s]
            for s2 in PEERS[s]:
                self.eliminate(values, s2, d2)
        for u in UNITS[s]:
            places = [sq for sq in u if d in values[sq]]
            if not places:
                raise Contradiction(d)
            if len(places) == 1:
                self.assign(values, places[0], d)

    def search(self, values):
        self.searches += 1
        if all(len(values[s]) == 1 for s in SQUARES):
            return values
        n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
        for d in values[s]:
            try:
                return self.search(self.assign(dict(values), s, d))
            except Contradiction:
                continue
        raise Contradiction(s)

    def solve(self, grid):
        return self.search(self.parse(grid))


def show(values):
    lines = []
    for i, r in enumerate(ROWS):
        row = ""
        for j, c in enumerate(COLS):
            row += values[r + c] + (" | " if j in (2, 5) else " ")
        lines.append(row.rstrip())
        if i in (2, 5):
            lines.append("------+-------+------")
    return "\n".join(lines)


def valid(values):
    return all(sorted(values[s] for s in u) == list(DIGITS) for u in UNITLIST)


# A second, simpler solver: plain backtracking on a list of lists.
def grid_to_board(grid):
    chars = [c for c in grid if c in DIGITS or c in "0."]
    return [[int(c) if c in DIGITS else 0 for c in chars[r * 9:r * 9 + 9]] for r in range(9)]


def candidates(board, r, c):
    used = set(board[r])
    used.update(board[i][c] for i in range(9))
    br, bc = 3 * (r // 3), 3 * (c // 3)
    for i in range(br, br + 3):
        for j in range(bc, bc + 3):
            used.add(board[i][j])
    return [d for d in range(1, 10) if d not in used]


class Backtracker:
    def __init__(self, board):
        self.board = board
        self.steps = 0

    def empty_cells(self):
        return [(r, c) for r in range(9) for c in range(9) if self.board[r][c] == 0]

    def solve(self):
        best = None
        best_cands = None
        for r, c in self.empty_cells():
            cands = candidates(self.board, r, c)
            if best is None or len(cands) < len(best_cands):
                best, best_cands = (r, c), cands
                if len(cands) <= 1:
                    break
        if best is None:
            return True
        r, c = best
        for d in best_cands:
            self.steps += 1
            self.board[r][c] = d
            if self.solve():
                return True
        self.board[r][c] = 0
        return False


PUZZLES = [
    ("easy", "003020600900305001001806400008102900700000008006708200002609500800203009005010300"),
    ("hard", "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......"),
    ("medium", """
        . . . | . . . | 9 . 7
        . . . | 4 2 . | 1 8 .
        . . . | 7 . 5 | . 2 6
        ------+-------+------
        1 . . | 9 . 4 | . . .
        . 5 . | . . . | . 4 .
        . . . | 5 . 7 | . . 9
        ------+-------+------
        9 2 . | 1 . 8 | . . .
        . 3 4 | . 5 9 | . . .
        5 . 7 | . . . | . . .
    """),
]

for name, grid in PUZZLES:
    solver = Solver()
    values = solver.solve(grid)
    print(f"== {name}: valid={valid(values)}")
    print(show(values))
    flat = "".join(values[s] for s in SQUARES)
    board = grid_to_board(grid)
    bt = Backtracker(board)
    ok = bt.solve()
    flat2 = "".join(str(d) for row in board for d in row)
    print("backtracker agrees:", ok and flat == flat2, "digit sum:", sum(int(ch) for ch in flat))
    print("propagation assignments > 0:", solver.assignments > 0)

# error cases
try:
    Solver().parse("123")
except ValueError as e:
    print("ValueError:", e)

bad = "11" + "." * 79
try:
    Solver().solve(bad)
except Contradiction as e:
    print("contradiction at", e)

impossible = grid_to_board("12345678." + "........9" + "." * 63)
bt = Backtracker(impossible)
print("impossible row solvable:", bt.solve(), "steps", bt.steps)

print("peers of C2:", sorted(PEERS["C2"]))
print("units of A1:", UNITS["A1"])
print("cells:", len(SQUARES), "units:", len(UNITLIST))


# Count solutions (stopping at 2) to check puzzle uniqueness while removing
# clues from a solved grid in a seeded random order.
def count_solutions(board, limit=2):
    for r in range(9):
        for c in range(9):
            if board[r][c] == 0:
                total = 0
                for d in candidates(board, r, c):
                    board[r][c] = d
                    total += count_solutions(board, limit - total)
                    if total >= limit:
                        break
                board[r][c] = 0
                return total
    return 1


import random

rng = random.Random(3)
solved = grid_to_board(flat)
cells = [(r, c) for r in range(9) for c in range(9)]
rng.shuffle(cells)
removed = 0
for r, c in cells[:30]:
    keep = solved[r][c]
    solved[r][c] = 0
    if count_solutions([row[:] for row in solved]) != 1:
        solved[r][c] = keep
    else:
        removed += 1
print("removed clues keeping uniqueness:", removed)
print("\n".join("".join(str(d) if d else "." for d in row) for row in solved))
