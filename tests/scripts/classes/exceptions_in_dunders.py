class Bad:
    def __eq__(self, o):
        raise RuntimeError("eq failed")
    def __hash__(self):
        return 1
    def __len__(self):
        raise ValueError("no len")
try:
    Bad() == 1
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    len(Bad())
except ValueError as e:
    print("ValueError:", e)
try:
    bool(Bad())
except ValueError as e:
    print("ValueError:", e)
try:
    {Bad(): 1, Bad(): 2}
except RuntimeError as e:
    print("RuntimeError:", e)
class BadInit:
    def __init__(self):
        raise KeyError("init")
try:
    BadInit()
except KeyError as e:
    print("KeyError:", e)
