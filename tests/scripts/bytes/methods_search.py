b = b'the quick brown fox jumps over the lazy dog'
print(b.find(b'the'), b.find(b'the', 1), b.rfind(b'the'), b.find(b'cat'), b.find(111), b.find(b'o', 5, 20))
print(b.index(b'quick'), b.rindex(b'o'), b.count(b'o'), b.count(b'the'), b.count(b''), b.count(32))
print(b.startswith(b'the'), b.startswith(b'quick', 4), b.endswith(b'dog'), b.endswith((b'cat', b'dog')), b.startswith(b''))
print(b.find(b''), b.find(b'', 100), b.rfind(b'', 5), b.count(b'o', -10))
def attempt(f):
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
attempt(lambda: b.index(b'zzz'))
attempt(lambda: b.rindex(b'zzz'))
attempt(lambda: b.find('the'))
attempt(lambda: b.count(300))
attempt(lambda: b.startswith('the'))
attempt(lambda: b.endswith(['x']))
