class Account:
    def __init__(self):
        self._balance = 0
        self.public = True
    def deposit(self, n):
        self._balance += n
        return self._balance
a = Account()
print(a.deposit(5), a._balance, a.public)
