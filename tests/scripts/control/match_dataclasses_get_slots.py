# The stdlib's dataclasses._get_slots (match with `case str(slot)`, a guard
# and `case _`), taken from CPython 3.11's source text and exec'd.
PATH = "/usr/lib/python3.11/dataclasses.py"
with open(PATH) as f:
    text = f.read()
start = text.index("def _get_slots(cls):")
end = text.index("\ndef _add_slots", start)
namespace = {}
exec(text[start:end], namespace)
_get_slots = namespace["_get_slots"]


class NoSlots:
    pass


class OneSlot:
    __slots__ = "only"


class ListSlots:
    __slots__ = ["a", "b"]


class DictSlots:
    __slots__ = {"x": "doc of x", "y": "doc of y"}


for cls in [NoSlots, OneSlot, ListSlots, DictSlots]:
    print(cls.__name__, list(_get_slots(cls)))


class IterSlots:
    pass


IterSlots.__slots__ = iter(["p", "q"])
try:
    print(list(_get_slots(IterSlots)))
except TypeError as e:
    print("TypeError:", e)
