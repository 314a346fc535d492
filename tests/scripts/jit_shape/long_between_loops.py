# Shape: two loops with 120 lines of straight code between them (a template
# function's text between two of its loops). The first loop's exit is hot;
# its bridge runs down the straight code and falls into the second loop's
# header after far more than 200 instructions (LoopEntry). That marks the
# function huge (segmenting, seed 003): the straight code becomes a chunk of
# its own, a root starting at the first statement after the first loop, and
# the loop's exit gets a short bridge that ends there (cut at once) and is
# then linked into the chunk; the chunk runs into the second loop's trace.
# The code after the second loop (`return sum(out)`) would be a chunk of
# mostly calls, which is left to the interpreter (CallBound): its exit stays
# a hot exit without a bridge, with that reason. (Before chunks, the bridge
# was refused and the whole stretch between the loops ran in the
# interpreter: compiling bench/template.py's 300 such bridges made the JIT
# 2.3x slower; this stretch is arithmetic, where a chunk is faster.)
# (Two bridges: the first loop's exit into the chunk, the second loop's end.)
# jit-expect: aborts.LoopEntry==1 huge_codes==1 chunks==1 linked_exits==1 aborts.CallBound==1 bridges==2 hot_exits_unbridged==1

def page(rows, k):
    out = []
    for r in rows:
        out.append(r + k)
    v = k
    v = (v * 31 + 0) % 10007
    v = (v * 32 + 1) % 10007
    v = (v * 33 + 2) % 10007
    v = (v * 34 + 3) % 10007
    v = (v * 35 + 4) % 10007
    v = (v * 36 + 5) % 10007
    v = (v * 37 + 6) % 10007
    v = (v * 31 + 7) % 10007
    v = (v * 32 + 8) % 10007
    v = (v * 33 + 9) % 10007
    v = (v * 34 + 10) % 10007
    v = (v * 35 + 11) % 10007
    v = (v * 36 + 12) % 10007
    v = (v * 37 + 13) % 10007
    v = (v * 31 + 14) % 10007
    v = (v * 32 + 15) % 10007
    v = (v * 33 + 16) % 10007
    v = (v * 34 + 17) % 10007
    v = (v * 35 + 18) % 10007
    v = (v * 36 + 19) % 10007
    v = (v * 37 + 20) % 10007
    v = (v * 31 + 21) % 10007
    v = (v * 32 + 22) % 10007
    v = (v * 33 + 23) % 10007
    v = (v * 34 + 24) % 10007
    v = (v * 35 + 25) % 10007
    v = (v * 36 + 26) % 10007
    v = (v * 37 + 27) % 10007
    v = (v * 31 + 28) % 10007
    v = (v * 32 + 29) % 10007
    v = (v * 33 + 30) % 10007
    v = (v * 34 + 31) % 10007
    v = (v * 35 + 32) % 10007
    v = (v * 36 + 33) % 10007
    v = (v * 37 + 34) % 10007
    v = (v * 31 + 35) % 10007
    v = (v * 32 + 36) % 10007
    v = (v * 33 + 37) % 10007
    v = (v * 34 + 38) % 10007
    v = (v * 35 + 39) % 10007
    v = (v * 36 + 40) % 10007
    v = (v * 37 + 41) % 10007
    v = (v * 31 + 42) % 10007
    v = (v * 32 + 43) % 10007
    v = (v * 33 + 44) % 10007
    v = (v * 34 + 45) % 10007
    v = (v * 35 + 46) % 10007
    v = (v * 36 + 47) % 10007
    v = (v * 37 + 48) % 10007
    v = (v * 31 + 49) % 10007
    v = (v * 32 + 50) % 10007
    v = (v * 33 + 51) % 10007
    v = (v * 34 + 52) % 10007
    v = (v * 35 + 53) % 10007
    v = (v * 36 + 54) % 10007
    v = (v * 37 + 55) % 10007
    v = (v * 31 + 56) % 10007
    v = (v * 32 + 57) % 10007
    v = (v * 33 + 58) % 10007
    v = (v * 34 + 59) % 10007
    v = (v * 35 + 60) % 10007
    v = (v * 36 + 61) % 10007
    v = (v * 37 + 62) % 10007
    v = (v * 31 + 63) % 10007
    v = (v * 32 + 64) % 10007
    v = (v * 33 + 65) % 10007
    v = (v * 34 + 66) % 10007
    v = (v * 35 + 67) % 10007
    v = (v * 36 + 68) % 10007
    v = (v * 37 + 69) % 10007
    v = (v * 31 + 70) % 10007
    v = (v * 32 + 71) % 10007
    v = (v * 33 + 72) % 10007
    v = (v * 34 + 73) % 10007
    v = (v * 35 + 74) % 10007
    v = (v * 36 + 75) % 10007
    v = (v * 37 + 76) % 10007
    v = (v * 31 + 77) % 10007
    v = (v * 32 + 78) % 10007
    v = (v * 33 + 79) % 10007
    v = (v * 34 + 80) % 10007
    v = (v * 35 + 81) % 10007
    v = (v * 36 + 82) % 10007
    v = (v * 37 + 83) % 10007
    v = (v * 31 + 84) % 10007
    v = (v * 32 + 85) % 10007
    v = (v * 33 + 86) % 10007
    v = (v * 34 + 87) % 10007
    v = (v * 35 + 88) % 10007
    v = (v * 36 + 89) % 10007
    v = (v * 37 + 90) % 10007
    v = (v * 31 + 91) % 10007
    v = (v * 32 + 92) % 10007
    v = (v * 33 + 93) % 10007
    v = (v * 34 + 94) % 10007
    v = (v * 35 + 95) % 10007
    v = (v * 36 + 96) % 10007
    v = (v * 37 + 97) % 10007
    v = (v * 31 + 98) % 10007
    v = (v * 32 + 99) % 10007
    v = (v * 33 + 100) % 10007
    v = (v * 34 + 101) % 10007
    v = (v * 35 + 102) % 10007
    v = (v * 36 + 103) % 10007
    v = (v * 37 + 104) % 10007
    v = (v * 31 + 105) % 10007
    v = (v * 32 + 106) % 10007
    v = (v * 33 + 107) % 10007
    v = (v * 34 + 108) % 10007
    v = (v * 35 + 109) % 10007
    v = (v * 36 + 110) % 10007
    v = (v * 37 + 111) % 10007
    v = (v * 31 + 112) % 10007
    v = (v * 32 + 113) % 10007
    v = (v * 33 + 114) % 10007
    v = (v * 34 + 115) % 10007
    v = (v * 35 + 116) % 10007
    v = (v * 36 + 117) % 10007
    v = (v * 37 + 118) % 10007
    v = (v * 31 + 119) % 10007
    for r in rows:
        out.append(r * v)
    return sum(out)

rows = list(range(20))
total = 0
for k in range(1500):
    total += page(rows, k)
print(total)
