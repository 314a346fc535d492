# Regression (issue 10, found by tests/fuzz): the iter_next path's exit
# snapshot duplicated [iterator, item], seen here through a dict comprehension
# over a dict that changes size between loops (AttributeError: 'tuple' object
# has no attribute 'get' under every JIT mode).
d_32 = {}
ct_34 = 0
for i in range(60):
    ct_34 += {k: v for k, v in d_32.items() if k % 2}.get(1, 0)
    d_32[i % 2] = d_32.get(i % 2, 0) + i
    if i % 3 in d_32:
        del d_32[i % 3]
print(ct_34, d_32)
