# Havlak loop recognition (benchmark, classic algorithm): a control-flow graph
# of a few thousand basic blocks is generated from a seeded LCG as nested
# structured code (straight runs, if/else diamonds, while loops with breaks,
# self loops, and some irreducible two-entry cycles), then Havlak's algorithm
# (a depth-first numbering, back and forward predecessor sets, union-find with
# path compression) builds the loop-nesting forest, several times over.
# Objects with list and set fields, dict/set membership, union-find pointer
# chasing, an iterative DFS.  The result is the number of loops found, how
# many are irreducible, the deepest nesting and the blocks the loops hold.
# Size: --scale=X argument or BENCH_SCALE=X (multiplies the number of times
# the loop forest is built).
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


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


# ------------------------------------------------------------- the graph

class BasicBlock:
    def __init__(self, name):
        self.name = name
        self.in_edges = []
        self.out_edges = []


class ControlFlowGraph:
    def __init__(self):
        self.blocks = []
        self.start = None

    def new_block(self):
        bb = BasicBlock(len(self.blocks))
        self.blocks.append(bb)
        if self.start is None:
            self.start = bb
        return bb

    def edge(self, src, dst):
        src.out_edges.append(dst)
        dst.in_edges.append(src)


class Generator:
    """Emits structured code as basic blocks; counts the loops it builds."""

    def __init__(self, cfg, rng, max_depth):
        self.cfg = cfg
        self.rng = rng
        self.max_depth = max_depth
        self.loops = 0

    def follow(self, cur):
        nxt = self.cfg.new_block()
        self.cfg.edge(cur, nxt)
        return nxt

    def region(self, cur, depth):
        """A sequence of statements starting at `cur`; returns the last block."""
        for s in range(1 + self.rng.below(4)):
            r = self.rng.below(100)
            if depth >= self.max_depth or r < 35:
                cur = self.straight(cur)
            elif r < 60:
                cur = self.diamond(cur, depth)
            elif r < 85:
                cur = self.while_loop(cur, depth)
            elif r < 95:
                cur = self.self_loop(cur)
            else:
                cur = self.irreducible(cur)
        return cur

    def straight(self, cur):
        for i in range(1 + self.rng.below(3)):
            cur = self.follow(cur)
        return cur

    def diamond(self, cur, depth):
        then_end = self.region(self.follow(cur), depth + 1)
        else_end = self.region(self.follow(cur), depth + 1)
        join = self.cfg.new_block()
        self.cfg.edge(then_end, join)
        self.cfg.edge(else_end, join)
        return join

    def while_loop(self, cur, depth):
        self.loops += 1
        header = self.follow(cur)
        body = self.follow(header)
        body_end = self.region(body, depth + 1)
        self.cfg.edge(body_end, header)
        exit = self.follow(header)
        if self.rng.below(4) == 0:
            self.cfg.edge(body, exit)  # a break
        return exit

    def self_loop(self, cur):
        self.loops += 1
        b = self.follow(cur)
        self.cfg.edge(b, b)
        return self.follow(b)

    def irreducible(self, cur):
        self.loops += 1
        a = self.follow(cur)
        b = self.follow(cur)
        self.cfg.edge(a, b)
        self.cfg.edge(b, a)
        join = self.follow(a)
        self.cfg.edge(b, join)
        return join


def build_graph(seed, pieces):
    cfg = ControlFlowGraph()
    gen = Generator(cfg, Lcg(seed), 5)
    entry = cfg.new_block()
    cur = gen.follow(entry)
    for p in range(pieces):
        # every piece is the body of an outer loop
        header = gen.follow(cur)
        end = gen.region(gen.follow(header), 1)
        cfg.edge(end, header)
        gen.loops += 1
        cur = gen.follow(header)
    cfg.edge(cur, cfg.new_block())
    return cfg, gen.loops


# ------------------------------------------------------ the loop forest

class Loop:
    def __init__(self, ident):
        self.ident = ident
        self.blocks = []
        self.children = []
        self.parent = None
        self.header = None
        self.is_root = False
        self.is_reducible = True
        self.depth = 0
        self.nesting = 0

    def add_block(self, bb):
        self.blocks.append(bb)

    def set_header(self, bb):
        self.header = bb
        self.blocks.append(bb)

    def set_parent(self, parent):
        self.parent = parent
        parent.children.append(self)


class LoopForest:
    def __init__(self):
        self.loops = []
        self.root = self.new_loop()
        self.root.is_root = True
        self.loops.append(self.root)

    def new_loop(self):
        return Loop(len(self.loops))

    def add(self, loop):
        self.loops.append(loop)

    def compute_depths(self):
        for loop in self.loops:
            if not loop.is_root and loop.parent is None:
                loop.set_parent(self.root)
        self.visit(self.root, 0)

    def visit(self, loop, depth):
        loop.depth = depth
        for child in loop.children:
            self.visit(child, depth + 1)
            if child.nesting + 1 > loop.nesting:
                loop.nesting = child.nesting + 1


class UnionFindNode:
    def __init__(self):
        self.parent = self
        self.bb = None
        self.loop = None
        self.number = 0

    def reset(self, bb, number):
        self.parent = self
        self.bb = bb
        self.loop = None
        self.number = number

    def find(self):
        root = self
        while root.parent is not root:
            root = root.parent
        node = self
        while node.parent is not root and node is not root:
            nxt = node.parent
            node.parent = root
            node = nxt
        return root

    def union(self, other):
        self.parent = other


UNVISITED = -1
NONHEADER, REDUCIBLE, SELF, IRREDUCIBLE, DEAD = range(5)
MAX_NON_BACK_PREDS = 32 * 1024


class HavlakFinder:
    def __init__(self, cfg, forest):
        self.cfg = cfg
        self.forest = forest

    def number_blocks(self, nodes, number, last):
        """Iterative depth-first preorder numbering; last[w] is w's last descendant."""
        start = self.cfg.start
        number[start.name] = 0
        nodes[0].reset(start, 0)
        counter = 1
        stack = [start]
        positions = [0]
        while stack:
            bb = stack[-1]
            i = positions[-1]
            if i < len(bb.out_edges):
                positions[-1] = i + 1
                target = bb.out_edges[i]
                if number[target.name] == UNVISITED:
                    number[target.name] = counter
                    nodes[counter].reset(target, counter)
                    counter += 1
                    stack.append(target)
                    positions.append(0)
            else:
                last[number[bb.name]] = counter - 1
                stack.pop()
                positions.pop()
        return counter

    def find_loops(self):
        size = len(self.cfg.blocks)
        nodes = [UnionFindNode() for i in range(size)]
        number = [UNVISITED] * size
        last = [0] * size
        kind = [NONHEADER] * size
        header = [0] * size
        back_preds = [[] for i in range(size)]
        other_preds = [set() for i in range(size)]
        reached = self.number_blocks(nodes, number, last)

        for w in range(size):
            if w >= reached:
                kind[w] = DEAD
                continue
            for pred in nodes[w].bb.in_edges:
                v = number[pred.name]
                if v == UNVISITED:
                    continue
                if w <= v <= last[w]:
                    back_preds[w].append(v)
                else:
                    other_preds[w].add(v)

        for w in range(reached - 1, -1, -1):
            node_w = nodes[w]
            pool = []
            in_pool = set()
            for v in back_preds[w]:
                if v == w:
                    kind[w] = SELF
                    continue
                rep = nodes[v].find()
                if rep.number not in in_pool:
                    in_pool.add(rep.number)
                    pool.append(rep)
            if pool:
                kind[w] = REDUCIBLE
            work = list(pool)
            while work:
                x = work.pop()
                preds = other_preds[x.number]
                if len(preds) > MAX_NON_BACK_PREDS:
                    return 0
                for y in preds:
                    ydash = nodes[y].find()
                    yd = ydash.number
                    if not (w <= yd <= last[w]):
                        kind[w] = IRREDUCIBLE
                        other_preds[w].add(yd)
                    elif yd != w and yd not in in_pool:
                        in_pool.add(yd)
                        pool.append(ydash)
                        work.append(ydash)
            if pool or kind[w] == SELF:
                loop = self.forest.new_loop()
                loop.set_header(node_w.bb)
                loop.is_reducible = kind[w] != IRREDUCIBLE
                node_w.loop = loop
                for node in pool:
                    header[node.number] = w
                    node.union(node_w)
                    if node.loop is not None:
                        node.loop.set_parent(loop)
                    else:
                        loop.add_block(node.bb)
                self.forest.add(loop)
        return len(self.forest.loops) - 1  # without the root


def analyse(cfg):
    forest = LoopForest()
    found = HavlakFinder(cfg, forest).find_loops()
    forest.compute_depths()
    irreducible = 0
    blocks = 0
    for loop in forest.loops:
        if loop.is_root:
            continue
        if not loop.is_reducible:
            irreducible += 1
        blocks += len(loop.blocks)
    return found, irreducible, forest.root.nesting, blocks


def main():
    reps = max(1, int(16 * bench_scale() + 0.5))
    t0 = time.perf_counter()
    cfg, built = build_graph(4242, 60)
    results = None
    agree = 0
    for r in range(reps):
        res = analyse(cfg)
        if results is None:
            results = res
        if res == results:
            agree += 1
    t1 = time.perf_counter()
    found, irreducible, depth, blocks = results
    print("blocks = %d, loops built = %d, reps = %d, agreeing = %d"
          % (len(cfg.blocks), built, reps, agree))
    print("loops found = %d, irreducible = %d, max depth = %d, blocks in loops = %d"
          % (found, irreducible, depth, blocks))
    print("time = %.4f s" % (t1 - t0))


main()
