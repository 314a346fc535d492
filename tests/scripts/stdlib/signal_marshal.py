# signal.py over the minimal _signal (enums, handlers set and run through
# raise_signal), marshal round trips of plain values, and importlib's pieces
# (_imp, importlib.machinery) importing. (importlib.util subclasses the module
# type, which Tributary cannot yet.)
import signal, marshal, importlib, importlib.machinery, sys
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(10).name, signal.SIG_DFL, repr(signal.SIG_IGN))
print(signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL)
seen = []
old = signal.signal(signal.SIGUSR1, lambda n, f: seen.append((n, f)))
signal.raise_signal(signal.SIGUSR1)
print(repr(old), [n for n, f in seen], callable(signal.getsignal(signal.SIGUSR1)))
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is not None, repr(signal.getsignal(signal.SIGUSR1)))
signal.raise_signal(signal.SIGUSR1)  # ignored
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
for bad in (0, 100):
    try:
        signal.signal(bad, signal.SIG_DFL)
    except ValueError as e:
        print("ValueError", e)
try:
    signal.signal(signal.SIGUSR1, 5)
except TypeError as e:
    print("TypeError", e)
print(signal.strsignal(signal.SIGINT), len(signal.valid_signals()) > 30)
values = [None, True, False, 0, -1, 2**31, -2**40, 10**30, -(10**30), 1.5, -0.0, float("inf"), 2j + 1,
          "", "héllo", b"\x00\xff", (), (1, (2, 3)), [1, [2]], {"a": 1, 2: [3]}, {1, 2}, frozenset({3}),
          ..., StopIteration]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(back), back == v or v != v, type(back).__name__)
print(marshal.loads(bytes.fromhex("e9ff000000")), marshal.loads(b"\xda\x03abc"), marshal.version)
for bad in (b"", b"i\x01", b"?", b"l\x01\x00\x00\x00\xff\xff"):
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError", e)
print(importlib.machinery.SOURCE_SUFFIXES, "_imp" in sys.builtin_module_names)
