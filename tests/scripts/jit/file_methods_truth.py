# Methods of the file types (not builtin types here, but their objects store
# no attributes) are looked up once, guarded by the type and the class epoch,
# and called with the file; the truth of a str, bytes,
# tuple or list of its exact type is its length (subclasses with __bool__ or
# __len__ go through the helper).
import os
import tempfile


class Truthy(str):
    def __bool__(self):
        return True


class Short(list):
    def __len__(self):
        return 0


def read_chunks(path, size):
    chunks = 0
    total = 0
    with open(path, "rb") as f:
        while True:
            buf = f.read(size)
            if not buf:
                break
            chunks += 1
            total += buf[0]
    return chunks, total


def truths(n):
    values = ["", "a", b"", b"xy", (), (1,), [], [0], Truthy(""), Short([1, 2]), "end"]
    counts = [0] * len(values)
    for i in range(n):
        k = i % len(values)
        if values[k]:
            counts[k] += 1
    return counts


fd, path = tempfile.mkstemp()
with os.fdopen(fd, "wb") as f:
    f.write(bytes(range(256)) * 40)
print(read_chunks(path, 7))
print(read_chunks(path, 64))
print(truths(3000))
os.unlink(path)
