class Config:
    debug = False
print(Config.debug)
try:
    Config.verbose
except AttributeError as e:
    print("AttributeError:", e)
Config.missing_method()
