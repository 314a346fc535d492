# Awaiting an object without __await__.


async def f():
    return await 5


c = f()
print("created")
try:
    c.send(None)
finally:
    c.close()
