# CPython's hmac (its Python HMAC over _hashlib's hashes) and its constant-time
# compare, and operator (whose _operator has only _compare_digest).
import hashlib
import hmac
import operator

key, msg = b"key", b"The quick brown fox jumps over the lazy dog"
print(hmac.new(key, msg, "md5").hexdigest(), hmac.new(key, msg, hashlib.sha256).hexdigest())
h = hmac.new(key, digestmod="sha1")
h.update(msg)
c = h.copy()
print(h.hexdigest(), c.digest() == h.digest(), h.name, h.digest_size, h.block_size)
print(hmac.digest(key, msg, "sha256") == hmac.new(key, msg, "sha256").digest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), hmac.compare_digest(b"a", b"ab"))
print(operator.add(2, 3), operator.itemgetter(1)("ab"), operator.__doc__[:18])
for bad in (lambda: hmac.compare_digest(1, 2), lambda: hmac.compare_digest("é", "a"), lambda: hmac.compare_digest("a", b"a"),
            lambda: hmac.new(key)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
