def t(v):
    print("eval", v)
    return v

print(t(1) and t(2))
print(t(0) and t(2))
print(t(1) or t(2))
print(t(0) or t(2))
print(t("") or t(None) or t("last"))
print(t(1) and t(2) and t(3))
print(t([]) and t(1))
print(0 or [] or {} or "")
print(1 and "a" and [1])
print(not 1 or 2)
print(not (1 or 2))
x = None
y = x or "default"
print(y)
z = x and x.foo
print(z)
print(None or 0)
print(3 if t(0) else 4)
