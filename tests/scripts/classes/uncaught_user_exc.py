class ConfigError(Exception):
    def __init__(self, field):
        super().__init__("bad field: " + field)
        self.field = field
def load(cfg):
    for k in cfg:
        if k.startswith("_"):
            raise ConfigError(k)
try:
    load(["a", "_b"])
except ConfigError as e:
    print("caught", e.field)
def outer():
    try:
        load(["_c"])
    except ConfigError as e:
        raise RuntimeError("load failed") from e
outer()
