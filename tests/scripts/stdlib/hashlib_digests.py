# CPython's hashlib over _hashlib (libcrypto): digests of known strings,
# incremental updates and copies, the shake XOFs, new() by name, pbkdf2.
import hashlib

for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s"):
    h = getattr(hashlib, name)(b"The quick brown fox jumps over the lazy dog")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.sha256(b"").hexdigest(), hashlib.md5().digest())
h = hashlib.sha256()
h.update(b"The quick brown fox ")
c = h.copy()
h.update(b"jumps over the lazy dog")
print(h.hexdigest() == hashlib.sha256(b"The quick brown fox jumps over the lazy dog").hexdigest(), c.hexdigest()[:16])
print(hashlib.shake_128(b"abc").hexdigest(16), len(hashlib.shake_256(b"abc").digest(100)), hashlib.shake_128(b"").digest_size)
print(hashlib.new("sha1", b"abc").hexdigest(), hashlib.new("SHA256", b"abc").hexdigest()[:8], hashlib.new("md5").name)
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex(), hashlib.pbkdf2_hmac("sha1", b"p", b"s", 2, 10).hex())
print(sorted(hashlib.algorithms_guaranteed), {"sha256", "md5"} <= hashlib.algorithms_available)
print(hashlib.sha1(bytearray(b"ab")).hexdigest() == hashlib.sha1(memoryview(b"ab")).hexdigest())
for bad in (lambda: hashlib.sha256("text"), lambda: hashlib.new("nope"), lambda: hashlib.sha256(3),
            lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
