print({"a": 1, "b": 2} == {"b": 2, "a": 1})
print({"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2}, {} == {})
print({1: [1, 2]} == {1: [1, 2]}, {1: 2} == {1: 2, 3: 4})
print({1: "a"} == [(1, "a")])
try:
    print({1: 2} < {1: 3})
except TypeError as e:
    print("TypeError:", e)
