class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, n):
        if n > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= n
    def transfer(self, other, n):
        self.withdraw(n)
        other.balance += n
a, b = Account(10), Account(0)
a.transfer(b, 5)
print(a.balance, b.balance)
a.transfer(b, 50)
