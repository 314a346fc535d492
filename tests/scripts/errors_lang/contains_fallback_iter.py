class Bag:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in Bag(), 5 in Bag())
class Nothing:
    pass
print(1 in Nothing())
