class T:
    def __bool__(self):
        return True
print(bool(T()), not T())
class Bad:
    def __bool__(self):
        return 1
if Bad():
    print("no")
