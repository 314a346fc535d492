# await at module level is a SyntaxError.
print("never printed")
await something
