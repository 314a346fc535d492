class K:
    def __eq__(self, o):
        return True
print(K() == 1)
s = {K()}
