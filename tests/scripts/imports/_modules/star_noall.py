a = 1
b = 2
_c = 3
def f(): return "f"
