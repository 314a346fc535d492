# An uncaught exception group: CPython 3.11's nested "| " rendering on
# stderr (the tests compare its last line and the exit status).
def fail(n):
    raise ValueError(n)


errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        e.add_note("note %d" % i)
        errors.append(e)
print("raising")
try:
    raise ExceptionGroup("top", errors + [ExceptionGroup("inner", [KeyError("k")])])
except* ValueError:
    raise RuntimeError("while handling")
