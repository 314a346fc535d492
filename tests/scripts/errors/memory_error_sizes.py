# Results too large to allocate raise MemoryError (or OverflowError) up front,
# without allocating: huge shifts, repetitions and paddings.


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)


big = 10**12
attempt("lshift 2**62", lambda: 1 << (1 << 62))
attempt("lshift 2**64", lambda: 1 << (1 << 64))
attempt("lshift neg", lambda: -3 << (1 << 64))
attempt("lshift 2**67", lambda: 1 << (1 << 67))
attempt("lshift zero", lambda: 0 << (1 << 80))
attempt("rshift", lambda: print(5 >> (1 << 80), -5 >> (1 << 80)))
attempt("str", lambda: "x" * big)
attempt("str rmul", lambda: big * "ab")
attempt("list", lambda: [0] * big)
attempt("list 2", lambda: [0, 1] * (big // 2))
attempt("tuple", lambda: (1,) * big)
attempt("bytes", lambda: b"x" * big)
attempt("bytes()", lambda: bytes(big))
attempt("bytearray()", lambda: bytearray(big))
attempt("bytearray *", lambda: bytearray(b"ab") * big)
attempt("ljust", lambda: "x".ljust(big))
attempt("rjust", lambda: "x".rjust(big, "-"))
attempt("center", lambda: "x".center(big))
attempt("zfill", lambda: "-1".zfill(big))


def inplace():
    x = [1, 2]
    x *= big


attempt("list *=", inplace)


def in_loop():
    # A MemoryError is an ordinary exception: handlers run, loops go on.
    caught = 0
    for i in range(20):
        try:
            s = "ab" * (big + i)
        except MemoryError:
            caught += 1
    return caught


print(in_loop())
print("x" * big)
