# formatting, str methods and int ops at int64 extremes (UBSan regression cases)
print(f"{1e308:.300f}"[:20], f"{-0.0:+.3e}", f"{2**70:>40,}", f"{1.5:%}", f"{12345.678:_.2f}", f"{-2**63:#b}", f"{255:#X}")
print("%.200f" % 1e-300 == f"{1e-300:.200f}", "%e" % 5e-324, repr(5e-324), repr(1.7976931348623157e308), 1e16, 1e-5, 123456789012345678.0)
print("{:c}".format(0x10FFFF) == chr(0x10FFFF), "{:>{w}}".format("a", w=10), "abc".zfill(10), "-5".zfill(4))
try:
    print(f"{1:{2**63}}")
except Exception as e:
    print(type(e).__name__, e)
try:
    print("a" * 2**62)
except Exception as e:
    print(type(e).__name__, e)
try:
    print([0] * 2**62)
except Exception as e:
    print(type(e).__name__, e)
print(int("1" * 40), int("-0x" + "f" * 20, 16), int("z" * 13, 36), float("1e400"), float("-nan"), float("0x1p-1074") if False else 0)
print("abc".split("b", -2**63), "a,b,c".rsplit(",", 2**63 - 1), "aaa".replace("a", "b", -2**63), "ab".expandtabs(2**6)[:3])
print("hello"[2**63 - 1:], "hello"[-2**63:2], "hello".center(11, "*"), "hi".ljust(-5), "x".rjust(2**3))
s = {i * 2**61 for i in range(-8, 8)}; print(len(s), sorted(s)[:2])
d = {2**63 + i: i for i in range(100)}; print(sum(d.values()), hash("") , hash((1, 2)), hash(()), hash((-1,)))
print(divmod(-2**63, 1), divmod(2**63, -1), (-2**63) >> 70, 1 >> 2**70, -1 >> 2**70, 0 << 2**70)
print(round(-2**63 + 0.0), round(2**63 - 1, -18), round(-5, -1), round(15, -1), round(2**62 + 1, -1))
print(abs(-2**63), -(-2**63), (2**63-1) + 1, -2**63 - 1, (2**47) * (2**16), (-2**47) * (-2**16), 3 * -2**62)
print(pow(2, 63), pow(-2, 63), pow(2, -1), 10**18 * 10, (-10)**19, 7**22, pow(2**63, 2, 2**64 + 1))
print(sum(range(2**62, 2**62 + 4)), sum([1.5, 2**62]), min(-2**63, 0), sorted([3, 1, 2], key=lambda x: -x))
