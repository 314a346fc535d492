# A class's __dict__ and types.MappingProxyType: read-only mappings with
# mappingproxy's repr/str; pprint, doctest (sys.settrace(None)) and friends.
import types, enum, pprint
class A:
    x = 1
d = A.__dict__
print(type(d).__name__, "x" in d, d["x"], type(d) is types.MappingProxyType)
try:
    d["y"] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del d["x"]
except TypeError as e:
    print("TypeError", e)
m = types.MappingProxyType({"a": 1})
print(m, repr(m), m["a"], len(m), m.copy(), type(m.copy()).__name__, sorted(m.items()))
try:
    types.MappingProxyType([1])
except TypeError as e:
    print("TypeError", e)
class C(enum.Enum):
    R = 1
print(C.__members__, list(C.__members__))
pprint.pprint(m)
pprint.pprint({"a": list(range(30)), "b": {"c": "d" * 50}}, width=60)
def add(a, b):
    """
    >>> add(1, 2)
    3
    >>> add('a', 'b')
    'ab'
    >>> [add(i, i) for i in range(3)]
    [0, 2, 4]
    """
    return a + b
import doctest
print(doctest.testmod(verbose=False))
import timeit
print(type(timeit.timeit("1+1", number=100)).__name__)
import pprint
pprint.pprint({"a": list(range(30)), "b": {"c": "d" * 50}}, width=60)
import textwrap, string, difflib
print(list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"])))
import logging
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s", stream=__import__("sys").stdout)
logging.getLogger("x").info("hello %s", 5)
import statistics, decimal, fractions
print(statistics.median([1, 3, 2]), decimal.Decimal("1.1") + decimal.Decimal("2.2"))
import heapq, bisect, itertools, functools, operator
print(heapq.nsmallest(2, [5, 1, 3]), bisect.bisect([1, 3, 5], 4))
import calendar, datetime
print(datetime.date(2024, 2, 29) + datetime.timedelta(days=1), calendar.isleap(2024))
import shlex, fnmatch, glob
print(shlex.split("a 'b c'"), fnmatch.fnmatch("x.py", "*.py"))
import configparser
cp = configparser.ConfigParser(); cp.read_string("[s]\nk = v\n"); print(cp["s"]["k"])
import tokenize, io
print([t.string for t in tokenize.generate_tokens(io.StringIO("x = 1\n").readline)][:3])
