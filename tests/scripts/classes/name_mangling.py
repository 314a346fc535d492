class Account:
    __rate = 0.05
    def __init__(self, owner):
        self.__owner = owner
        self._balance = 100
    def __secret(self):
        return "secret of " + self.__owner
    def reveal(self):
        return self.__secret() + " at " + str(self.__rate)
a = Account("ann")
print(a.reveal())
print(sorted(k for k in vars(a)))
print(a._Account__owner, Account._Account__rate, hasattr(a, "__owner"))
try:
    a.__owner
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "sub-" + owner
    def both(self):
        return self.__owner, self._Account__owner
print(Sub("bob").both())
class _Under:
    def __init__(self):
        self.__v = 1
print(list(vars(_Under())), Account.__init__.__name__)
