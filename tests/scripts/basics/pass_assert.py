def nothing():
    pass
print(nothing())
if True:
    pass
for i in range(3):
    pass
print(i)
while False:
    pass
assert True
assert 1 == 1, "never"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("msg:", e)
try:
    assert 0, 42
except AssertionError as e:
    print(e.args)
x = 5
assert x > 0 and x < 10
print("ok")
