print("before")
exec("def f():\n    return 1 / 0\nf()")
