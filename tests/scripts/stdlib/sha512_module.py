# _sha512, which random.py imports before hashlib (random.seed of a str).
import sys, random
print("hashlib" in sys.modules, random.Random("seed").random())
import _sha512, hashlib
for data in (b"", b"abc", b"x" * 1000):
    print(_sha512.sha512(data).hexdigest() == hashlib.sha512(data).hexdigest(), _sha512.sha384(data).hexdigest()[:32])
h = _sha512.sha512(string=b"ab", usedforsecurity=False)
h.update(b"c")
print(h.name, h.digest_size, h.block_size, h.hexdigest()[:32], h.copy().digest()[:4])
try:
    _sha512.sha512("text")
except TypeError as e:
    print("TypeError", e)
