def risky(k):
    if k == 0:
        return 1 / 0
    if k == 1:
        return [][1]
    if k == 2:
        return {}["x"]
    if k == 3:
        return int("bad")
    if k == 4:
        return None + 1
    return "ok"
for k in range(6):
    try:
        print(risky(k))
    except (ZeroDivisionError, IndexError) as e:
        print("arith/index:", type(e), e)
    except KeyError as e:
        print("key:", repr(e))
    except (ValueError, TypeError) as e:
        print("value/type:", e)
