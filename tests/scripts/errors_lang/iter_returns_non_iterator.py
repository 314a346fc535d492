class Bad:
    def __iter__(self):
        return [1, 2]
for x in Bad():
    print(x)
