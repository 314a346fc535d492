import sys
sys.path.insert(0, "_modules")
import star_noall
print(sorted(k for k in vars(star_noall) if not k.startswith("__")))
star_noall.new_attr = 5
print(star_noall.new_attr)
try:
    star_noall.missing
except AttributeError as e:
    print("AttributeError:", e)
print(star_noall.__file__.endswith("star_noall.py"))
