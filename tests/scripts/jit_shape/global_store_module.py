# Shape: a module-level loop storing globals compiles (no GlobalStore abort)
# with no residual calls: the stored globals are read and written in their
# dict entries.
# jit-expect: loops==1 aborts==0 calls==0
total = 0
for i in range(200):
    total += i * 2
print(total)
