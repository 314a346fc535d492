try:
    exec("x = = 1")
except SyntaxError as e:
    print("SyntaxError caught")
ns = {}
exec("def f():\n    return undefined_name\n", ns)
ns["f"]()
