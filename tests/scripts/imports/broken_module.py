import sys
sys.path.insert(0, "_modules")
try:
    import broken_mod
except ValueError as e:
    print("ValueError:", e)
print("broken_mod" in sys.modules)
try:
    import syntax_bad
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
