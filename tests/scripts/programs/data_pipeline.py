# A data-processing pipeline: seeded random records, packed into a binary
# format with struct, written to and read back from a scratch file, then
# grouped and summarized with collections, itertools and functools.
import collections
import functools
import itertools
import os
import random
import struct
import tempfile

Record = collections.namedtuple("Record", "ident region product qty price flags")
REGIONS = ["north", "south", "east", "west"]
PRODUCTS = ["apple", "pear", "plum", "fig", "kiwi", "lime"]
HEADER = struct.Struct("<4sHI")
ROW = struct.Struct("<IBBhdB")


def generate(n, seed):
    rng = random.Random(seed)
    for i in range(n):
        yield Record(
            ident=i + 1,
            region=rng.choice(REGIONS),
            product=PRODUCTS[rng.randrange(len(PRODUCTS))],
            qty=rng.randint(-3, 40),
            price=round(rng.uniform(0.25, 9.75), 2),
            flags=rng.getrandbits(3),
        )


def encode(records):
    records = list(records)
    out = bytearray(HEADER.pack(b"TRIB", 1, len(records)))
    for r in records:
        out += ROW.pack(r.ident, REGIONS.index(r.region), PRODUCTS.index(r.product), r.qty, r.price, r.flags)
    return bytes(out)


def decode(data):
    magic, version, count = HEADER.unpack_from(data, 0)
    if magic != b"TRIB":
        raise ValueError(f"bad magic {magic!r}")
    body = data[HEADER.size:]
    if len(body) != count * ROW.size:
        raise ValueError(f"truncated: {len(body)} bytes for {count} rows")
    for ident, reg, prod, qty, price, flags in ROW.iter_unpack(body):
        yield Record(ident, REGIONS[reg], PRODUCTS[prod], qty, price, flags)


records = list(generate(300, seed=2024))
print("first records:")
for r in records[:4]:
    print(" ", r)
blob = encode(records)
print("encoded bytes:", len(blob), "header:", blob[:HEADER.size].hex(), "row size:", ROW.size)
print("first row bytes:", blob[HEADER.size:HEADER.size + ROW.size].hex())

path = os.path.join(tempfile.gettempdir(), "tributary_pipeline_%d.bin" % os.getpid())
with open(path, "wb") as f:
    f.write(blob)
with open(path, "rb") as f:
    data = f.read()
os.remove(path)
print("file round trip identical:", data == blob, os.path.exists(path))
decoded = list(decode(data))
print("decoded equal:", decoded == records)

# validation: drop records with negative quantity
valid, rejected = [], []
for r in decoded:
    (valid if r.qty >= 0 else rejected).append(r)
print("valid:", len(valid), "rejected:", len(rejected), "first rejected:", rejected[0] if rejected else None)

# grouping with itertools.groupby over sorted data
key = lambda r: (r.region, r.product)
summary = {}
for (region, product), group in itertools.groupby(sorted(valid, key=key), key=key):
    group = list(group)
    revenue = sum(r.qty * r.price for r in group)
    summary[region, product] = (len(group), sum(r.qty for r in group), round(revenue, 2))
for region in REGIONS:
    line = " ".join(f"{p}={summary[region, p][1]}" for p in PRODUCTS if (region, p) in summary)
    print(f"{region:6} {line}")

# counters and defaultdicts
by_product = collections.Counter()
for r in valid:
    by_product[r.product] += r.qty
print("top products:", by_product.most_common(3))
region_ids = collections.defaultdict(list)
for r in valid:
    region_ids[r.region].append(r.ident)
print("ids per region:", {k: len(v) for k, v in sorted(region_ids.items())})
flag_counts = collections.Counter(r.flags for r in valid)
print("flags:", sorted(flag_counts.items()))
print("flag bits set:", [sum(1 for r in valid if r.flags & (1 << b)) for b in range(3)])

# functools: reduce, partial, lru_cache, cmp_to_key
total_revenue = functools.reduce(lambda acc, r: acc + r.qty * r.price, valid, 0.0)
print("total revenue:", round(total_revenue, 2))
def in_region(region, r):
    return r.region == region
north_only = list(filter(functools.partial(in_region, "north"), valid))
print("north:", len(north_only), "max qty:", max(r.qty for r in north_only))


@functools.lru_cache(maxsize=None)
def price_band(price):
    return "low" if price < 3 else "mid" if price < 7 else "high"


bands = collections.Counter(price_band(r.price) for r in valid)
print("bands:", sorted(bands.items()), price_band.cache_info().hits > 0)


def compare(a, b):
    if a.qty != b.qty:
        return b.qty - a.qty
    return (a.ident > b.ident) - (a.ident < b.ident)


top = sorted(valid, key=functools.cmp_to_key(compare))[:5]
print("top by qty:", [(r.ident, r.qty) for r in top])

# itertools: accumulate, islice, chain, pairwise-like, product, combinations
daily = [sum(r.qty for r in chunk) for chunk in (valid[i:i + 25] for i in range(0, len(valid), 25))]
print("chunk sums:", daily)
print("running:", list(itertools.accumulate(daily)))
print("running max:", list(itertools.accumulate(daily, max)))
print("deltas:", [b - a for a, b in zip(daily, daily[1:])])
print("islice:", [r.ident for r in itertools.islice(valid, 10, 40, 7)])
print("chain:", list(itertools.chain.from_iterable([[1, 2], (3,), "ab"])))
pairs = list(itertools.combinations(REGIONS, 2))
print("region pairs:", len(pairs), pairs[:3])
grid = list(itertools.product("ab", range(3)))
print("product:", grid)
print("permutations:", ["".join(p) for p in itertools.permutations("xyz")])
print("zip_longest:", list(itertools.zip_longest("abc", [1], fillvalue="-")))
print("starmap:", list(itertools.starmap(pow, [(2, 5), (3, 3), (10, 2)])))
print("takewhile/dropwhile:", list(itertools.takewhile(lambda x: x < 600, daily)), list(itertools.dropwhile(lambda x: x < 400, daily))[:3])
print("compress:", list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print("repeat/cycle:", list(itertools.repeat("z", 3)), list(itertools.islice(itertools.cycle("ab"), 5)))

# deque as a sliding window and an OrderedDict LRU
window = collections.deque(maxlen=5)
averages = []
for r in valid[:20]:
    window.append(r.qty)
    averages.append(round(sum(window) / len(window), 2))
print("moving avg:", averages)
print("window:", window, window.maxlen)
lru = collections.OrderedDict()
for r in valid[:40]:
    lru[r.product] = r.ident
    lru.move_to_end(r.product)
    if len(lru) > 3:
        lru.popitem(last=False)
print("lru:", list(lru.items()))

# struct misc: formats, byte orders, errors
print(struct.calcsize("<IBBhdB"), struct.calcsize("@IBBhdB"), struct.calcsize("!4sHI"))
print(struct.pack(">hH", -2, 65535).hex(), struct.unpack("<q", struct.pack("<q", -(2 ** 62))))
buf = bytearray(12)
struct.pack_into("<ii", buf, 2, 7, -7)
print(bytes(buf).hex(), struct.unpack_from("<ii", buf, 2))
for bad in [lambda: struct.pack("<h", 40000), lambda: struct.unpack("<I", b"abc"),
            lambda: list(decode(b"XXXX" + data[4:])), lambda: list(decode(data[:-3]))]:
    try:
        bad()
    except (struct.error, ValueError) as e:
        print(type(e).__name__ + ":", e)

# random determinism checks
rng = random.Random(99)
deck = list(range(20))
rng.shuffle(deck)
print("shuffled:", deck)
print("sample floats:", [round(rng.random(), 6) for _ in range(4)])
random.seed(5)
print("module-level:", random.randint(1, 100), random.choice("abcdef"), random.randrange(0, 100, 5), random.getrandbits(40))

# text round trip: CSV-like lines written and parsed back line by line
csv_path = os.path.join(tempfile.gettempdir(), "tributary_pipeline_%d.csv" % os.getpid())
with open(csv_path, "w") as f:
    f.write("ident,region,product,qty,price\n")
    for r in valid[:30]:
        f.write(f"{r.ident},{r.region},{r.product},{r.qty},{r.price:.2f}\n")
parsed = []
with open(csv_path) as f:
    header = f.readline().rstrip("\n").split(",")
    for line in f:
        fields = dict(zip(header, line.rstrip("\n").split(",")))
        parsed.append((int(fields["ident"]), fields["product"], float(fields["price"])))
os.remove(csv_path)
print("csv header:", header, "rows:", len(parsed))
print("csv prices match:", all(abs(p - r.price) < 1e-9 for (_, _, p), r in zip(parsed, valid)))
by_first_letter = collections.defaultdict(set)
for _, product, _ in parsed:
    by_first_letter[product[0]].add(product)
print("by letter:", {k: sorted(v) for k, v in sorted(by_first_letter.items())})
