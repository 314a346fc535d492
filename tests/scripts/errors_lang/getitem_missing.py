class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), Seq()[2])
class NoItem:
    pass
NoItem()[0]
