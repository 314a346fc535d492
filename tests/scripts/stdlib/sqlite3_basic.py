# sqlite3 on _sqlite3 (libsqlite3): tables, qmark and named parameters,
# executemany, fetchone/fetchmany/fetchall and iteration, description,
# rowcount and lastrowid, transactions (commit, rollback, the connection as a
# context manager, isolation_level None), sqlite3.Row, row and text
# factories, adapters and converters, user functions, executescript, a file
# database, and the DB-API errors.
import datetime, os, sqlite3, tempfile

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, age INTEGER, score REAL, photo BLOB)")
cur.execute("INSERT INTO people (name, age, score, photo) VALUES (?, ?, ?, ?)", ("Ann", 31, 9.5, b"\x00\x01"))
print(cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("INSERT INTO people (name, age, score) VALUES (?, ?, ?)",
                [("Bob", 25, 7.25), ("Cid", None, 8.0), ("Dee", 40, None)])
print(cur.rowcount, con.total_changes)
cur.execute("INSERT INTO people (name, age) VALUES (:n, :a)", {"n": "Eve", "a": 22})
con.commit()
print(con.in_transaction)
cur.execute("SELECT id, name, age, score, photo FROM people ORDER BY id")
print([d[0] for d in cur.description], cur.rowcount)
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.fetchall(), cur.fetchone())
print([r for r in con.execute("SELECT name FROM people WHERE age > ? ORDER BY age DESC", (24,))])
print(con.execute("SELECT count(*), sum(age), avg(score), max(name) FROM people").fetchone())
print(con.execute("SELECT typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(NULL)").fetchone())
print(con.execute("SELECT ?, ?, ?, ?, ?", (2**62, -1.5, "ünï", None, bytearray(b"ab"))).fetchone())

cur.execute("UPDATE people SET age = age + 1 WHERE age IS NOT NULL")
print(cur.rowcount)
con.rollback()
print(con.execute("SELECT age FROM people WHERE name = 'Ann'").fetchone())
with con:
    con.execute("DELETE FROM people WHERE name = 'Eve'")
print(con.execute("SELECT count(*) FROM people").fetchone())
try:
    with con:
        con.execute("DELETE FROM people")
        raise ValueError("undo")
except ValueError:
    pass
print(con.execute("SELECT count(*) FROM people").fetchone())

con.row_factory = sqlite3.Row
row = con.execute("SELECT name, age AS years FROM people WHERE id = 1").fetchone()
print(type(row).__name__, row["name"], row["YEARS"], row[0], row[-1], len(row), row.keys(), tuple(row), list(row))
print(row == con.execute("SELECT name, age AS years FROM people WHERE id = 1").fetchone())
con.row_factory = lambda cursor, r: {d[0]: v for d, v in zip(cursor.description, r)}
print(con.execute("SELECT name, score FROM people WHERE id = 2").fetchone())
con.row_factory = None
con.text_factory = bytes
print(con.execute("SELECT name FROM people WHERE id = 2").fetchone())
con.text_factory = str

con.create_function("twice", 1, lambda v: v * 2)
con.create_function("fail", 0, lambda: 1 / 0)
print(con.execute("SELECT twice(age), twice(name) FROM people WHERE id = 2").fetchone())
try:
    con.execute("SELECT fail()")
except sqlite3.OperationalError as e:
    print("OperationalError", e)

dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
dcon.execute("CREATE TABLE ev (d date, ts timestamp, n point)")
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
sqlite3.register_adapter(Point, lambda p: f"{p.x};{p.y}")
sqlite3.register_converter("point", lambda b: tuple(map(float, b.split(b";"))))
dcon.execute("INSERT INTO ev VALUES (?, ?, ?)",
             (datetime.date(2024, 2, 29), datetime.datetime(2024, 1, 2, 3, 4, 5, 600), Point(1, 2.5)))
print(dcon.execute("SELECT d, ts, n FROM ev").fetchone())

con.executescript("""
    CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER);
    INSERT INTO t VALUES ('a', 1);
    INSERT INTO t VALUES ('b', 2);
""")
print(con.execute("SELECT * FROM t ORDER BY k").fetchall())
auto = sqlite3.connect(":memory:", isolation_level=None)
auto.execute("CREATE TABLE x (v)")
auto.execute("INSERT INTO x VALUES (1)")
print(auto.in_transaction, auto.isolation_level)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "db.sqlite")
    with sqlite3.connect(path) as fcon:
        fcon.execute("CREATE TABLE kv (k, v)")
        fcon.executemany("INSERT INTO kv VALUES (?, ?)", [(i, i * i) for i in range(100)])
    fcon.close()
    again = sqlite3.connect(path)
    print(again.execute("SELECT count(*), sum(v) FROM kv").fetchone())
    again.close()

errors = [
    lambda: con.execute("INSERT INTO people (name) VALUES ('Ann')"),
    lambda: con.execute("SELEC 1"),
    lambda: con.execute("SELECT * FROM nope"),
    lambda: con.execute("SELECT ?", (1, 2)),
    lambda: con.execute("SELECT :a", {"b": 1}),
    lambda: con.execute("SELECT ?", (object(),)),
    lambda: con.execute("SELECT 1; SELECT 2"),
    lambda: con.execute("SELECT ?", (2**70,)),
    lambda: con.executemany("SELECT ?", [(1,)]),
    lambda: sqlite3.connect(":memory:", isolation_level="BOGUS"),
]
for f in errors:
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), issubclass(sqlite3.Error, Exception))
c2 = con.cursor()
c2.close()
con.close()
for f in (lambda: c2.execute("SELECT 1"), lambda: con.execute("SELECT 1"), lambda: con.cursor()):
    try:
        f()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"), sqlite3.paramstyle,
      len(sqlite3.sqlite_version_info), sqlite3.PARSE_DECLTYPES)
