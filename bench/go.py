# A Go-like board game (benchmark): random playouts on a 9x9 board with a
# bordered one-dimensional cell array.  A Board class with many small methods
# (neighbours, flood-fill groups and liberties, captures, a legality check
# with suicide and simple ko, eye detection, area scoring) and a seeded LCG
# written here (not `random`, so every implementation plays the same games).
# The result is the number of moves and captures and the summed score.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of playouts).
import sys
import time


def bench_scale():
    """The size factor: --scale=X on the command line, else BENCH_SCALE, else 1."""
    for arg in sys.argv[1:]:
        if arg.startswith("--scale="):
            return float(arg[len("--scale="):])
    try:
        import os
    except Exception:  # Tributary has no os module yet
        return 1.0
    return float(os.environ.get("BENCH_SCALE", "1"))


EMPTY, BLACK, WHITE, BORDER = 0, 1, 2, 3
SIZE = 9
KOMI = 7


class Lcg:
    """A 31-bit linear congruential generator (the classic ANSI C constants)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return (self.next() >> 7) % n


class Board:
    def __init__(self, size):
        self.size = size
        self.width = size + 2
        w = self.width
        self.cells = [BORDER] * (w * w)
        self.points = []
        for row in range(1, size + 1):
            for col in range(1, size + 1):
                pos = row * w + col
                self.cells[pos] = EMPTY
                self.points.append(pos)
        self.ko = -1
        self.captured = [0, 0, 0]
        self.moves = 0
        self.passes = 0

    def opponent(self, color):
        return 3 - color

    def neighbours(self, pos):
        w = self.width
        return (pos - w, pos - 1, pos + 1, pos + w)

    def color_at(self, pos):
        return self.cells[pos]

    def is_empty(self, pos):
        return self.cells[pos] == EMPTY

    def group(self, pos):
        """The stones connected to `pos` and the set of their liberties."""
        color = self.cells[pos]
        stones = [pos]
        seen = {pos}
        liberties = set()
        i = 0
        while i < len(stones):
            for n in self.neighbours(stones[i]):
                c = self.cells[n]
                if c == EMPTY:
                    liberties.add(n)
                elif c == color and n not in seen:
                    seen.add(n)
                    stones.append(n)
            i += 1
        return stones, liberties

    def liberty_count(self, pos):
        return len(self.group(pos)[1])

    def has_liberty_besides(self, pos, exclude):
        """True when the group at `pos` has a liberty other than `exclude`."""
        stones, liberties = self.group(pos)
        for lib in liberties:
            if lib != exclude:
                return True
        return False

    def remove(self, stones):
        for s in stones:
            self.cells[s] = EMPTY
        return len(stones)

    def is_eye(self, pos, color):
        """An empty point whose neighbours are all `color` (or the border)."""
        for n in self.neighbours(pos):
            c = self.cells[n]
            if c != color and c != BORDER:
                return False
        return True

    def is_legal(self, pos, color):
        if self.cells[pos] != EMPTY or pos == self.ko:
            return False
        other = self.opponent(color)
        for n in self.neighbours(pos):
            c = self.cells[n]
            if c == EMPTY:
                return True
            if c == color and self.has_liberty_besides(n, pos):
                return True
            if c == other and not self.has_liberty_besides(n, pos):
                return True  # captures
        return False  # suicide

    def play(self, pos, color):
        other = self.opponent(color)
        self.cells[pos] = color
        taken = 0
        last_taken = -1
        for n in self.neighbours(pos):
            if self.cells[n] == other:
                stones, liberties = self.group(n)
                if not liberties:
                    taken += self.remove(stones)
                    last_taken = stones[0]
        self.captured[color] += taken
        # simple ko: a single stone captured by a single stone
        if taken == 1 and len(self.group(pos)[0]) == 1:
            self.ko = last_taken
        else:
            self.ko = -1
        self.moves += 1
        self.passes = 0

    def random_move(self, color, rng):
        """A random legal move that does not fill one's own eye, or -1 (pass)."""
        points = self.points
        count = len(points)
        start = rng.below(count)
        for k in range(count):
            pos = points[(start + k) % count]
            if self.is_empty(pos) and not self.is_eye(pos, color) and self.is_legal(pos, color):
                return pos
        return -1

    def score(self, color):
        """Area score: stones plus empty regions bordered only by `color`."""
        total = 0
        seen = set()
        for pos in self.points:
            c = self.cells[pos]
            if c == color:
                total += 1
            elif c == EMPTY and pos not in seen:
                region = [pos]
                seen.add(pos)
                borders = 0
                i = 0
                while i < len(region):
                    for n in self.neighbours(region[i]):
                        cn = self.cells[n]
                        if cn == EMPTY:
                            if n not in seen:
                                seen.add(n)
                                region.append(n)
                        elif cn != BORDER:
                            borders |= cn
                    i += 1
                if borders == color:
                    total += len(region)
        return total


def playout(rng, max_moves):
    board = Board(SIZE)
    color = BLACK
    while board.moves < max_moves and board.passes < 2:
        pos = board.random_move(color, rng)
        if pos < 0:
            board.passes += 1
            board.ko = -1
        else:
            board.play(pos, color)
        color = board.opponent(color)
    return board


def main():
    games = max(1, int(40 * bench_scale()))
    t0 = time.perf_counter()
    rng = Lcg(20261122)
    moves = 0
    captures = 0
    black_wins = 0
    margin = 0
    for g in range(games):
        board = playout(rng, 3 * SIZE * SIZE)
        b = board.score(BLACK)
        w = board.score(WHITE) + KOMI
        moves += board.moves
        captures += board.captured[BLACK] + board.captured[WHITE]
        margin += b - w
        if b > w:
            black_wins += 1
    t1 = time.perf_counter()
    print("games = %d, moves = %d, captures = %d, black wins = %d, margin = %d"
          % (games, moves, captures, black_wins, margin))
    print("time = %.4f s" % (t1 - t0))


main()
