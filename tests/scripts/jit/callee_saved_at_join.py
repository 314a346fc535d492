# Regression (fuzzer seed 130, minimized): with the merge policy none a loop's
# region branches to shared exit blocks; asmjit moved a value into rbp where
# those blocks join and did not save rbp in the prolog: the interpreter's frame
# pointer was clobbered and the run crashed.
def make_36(start):
    c = start

    def step(k):
        return c
    return step

def h_39(x, y=0.5):
    if x > 2:
        return -x
    return x + y
step_37 = make_36(1)
cl_38 = 0
hc_40 = 0
for i in range(11):
    cl_38 = cl_38 + step_37(i % 2 + 1)
    hc_40 = hc_40 + h_39(i)
print(cl_38, hc_40)
