class ConfigError(Exception):
    pass
def load(d):
    try:
        return d["key"]
    except KeyError as e:
        raise ConfigError("missing key") from e
try:
    load({})
except ConfigError as e:
    print("cause:", type(e.__cause__).__name__, e.__cause__)
load({})
