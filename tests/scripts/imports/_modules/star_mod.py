__all__ = ["visible", "Also"]
visible = 1
hidden_by_all = 2
_underscore = 3
class Also: pass
