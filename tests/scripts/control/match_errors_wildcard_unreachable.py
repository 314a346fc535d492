# A wildcard alternative must come last, even inside an or-pattern.
print("never printed")
match 3:
    case _ | 3:
        pass
