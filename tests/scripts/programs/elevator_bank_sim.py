# Object-oriented simulation: a bank with accounts and an elevator bank.
import random


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"account {account.number} cannot pay {amount}")
        self.account = account
        self.amount = amount


class Account:
    next_number = 1000
    interest_rate = 0.0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):
        interest = int(self._balance * self.interest_rate)
        if interest:
            self._balance += interest
            self.history.append(("int", interest))
        return interest

    def kind(self):
        return type(self).__name__

    def __repr__(self):
        return f"{self.kind()}(#{self.number}, {self.owner!r}, {self._balance})"

    def __lt__(self, other):
        return (self._balance, self.number) < (other._balance, other.number)


class Savings(Account):
    interest_rate = 0.02

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "wd"]) >= 3:
            raise PermissionError("too many withdrawals")
        super().withdraw(amount)


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def withdraw(self, amount):
        if amount > self._balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("wd", amount))

    def month_end(self):
        if self._balance < 0:
            fee = 5
            self._balance -= fee
            self.history.append(("fee", fee))
            return -fee
        return 0


class Bank:
    def __init__(self, name):
        self.name = name
        self.accounts = {}
        self.log = []

    def open(self, cls, owner, *args, **kwargs):
        acct = cls(owner, *args, **kwargs)
        self.accounts[acct.number] = acct
        self.log.append(f"open {acct!r}")
        return acct

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            self.log.append(f"fail {e}")
            return False
        except PermissionError as e:
            self.log.append(f"deny #{src}: {e}")
            return False
        else:
            self.accounts[dst].deposit(amount)
            self.log.append(f"ok {src}->{dst} {amount}")
            return True
        finally:
            self.log.append("tick")

    def month_end(self):
        total = 0
        for number in sorted(self.accounts):
            total += self.accounts[number].month_end()
        return total

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def __len__(self):
        return len(self.accounts)

    def __iter__(self):
        return iter(sorted(self.accounts.values()))

    def __contains__(self, number):
        return number in self.accounts


def run_bank():
    rng = random.Random(42)
    bank = Bank("First Tributary")
    owners = ["ann", "bob", "cyd", "dee", "eve", "fay"]
    for i, owner in enumerate(owners):
        if i % 2 == 0:
            bank.open(Savings, owner, 500 + 100 * i)
        else:
            bank.open(Checking, owner, 200 + 50 * i, overdraft=150)
    numbers = sorted(bank.accounts)
    ok = 0
    for step in range(40):
        a = rng.choice(numbers)
        b = rng.choice(numbers)
        if a == b:
            continue
        amount = rng.randint(10, 400)
        if bank.transfer(a, b, amount):
            ok += 1
        if step % 10 == 9:
            print("month end interest:", bank.month_end())
    print("transfers ok:", ok, "of log", len(bank.log))
    for line in bank.log[:12]:
        print(" ", line)
    print("accounts:", len(bank), 1000 in bank, 999 in bank)
    for acct in bank:
        kinds = {}
        for kind, amount in acct.history:
            kinds[kind] = kinds.get(kind, 0) + amount
        print(" ", acct, sorted(kinds.items()))
    print("total:", bank.total())
    try:
        bank.accounts[1000].deposit(-5)
    except ValueError as e:
        print("ValueError:", e)
    try:
        bank.accounts[1001].balance = 3
    except AttributeError:
        print("balance is read-only")


class Elevator:
    def __init__(self, name, floors, capacity=4):
        self.name = name
        self.floor = 0
        self.floors = floors
        self.capacity = capacity
        self.riders = []
        self.direction = 0
        self.moves = 0
        self.delivered = 0

    def targets(self):
        return {r.dest for r in self.riders}

    def step(self, waiting, tick, out):
        # drop off
        staying = []
        for r in self.riders:
            if r.dest == self.floor:
                self.delivered += 1
                out.append(f"t{tick} {self.name} drops {r.name} at {self.floor} (waited {tick - r.start})")
            else:
                staying.append(r)
        self.riders = staying
        # pick up
        queue = waiting.get(self.floor, [])
        while queue and len(self.riders) < self.capacity:
            r = queue.pop(0)
            self.riders.append(r)
            out.append(f"t{tick} {self.name} picks {r.name} at {self.floor}")
        # choose direction
        goals = self.targets() | {f for f, q in waiting.items() if q}
        if not goals:
            self.direction = 0
            return
        if self.direction == 0 or not any((g - self.floor) * self.direction > 0 for g in goals):
            nearest = min(goals, key=lambda g: (abs(g - self.floor), g))
            if nearest == self.floor:
                self.direction = 0
                return
            self.direction = 1 if nearest > self.floor else -1
        self.floor += self.direction
        self.moves += 1

    def __repr__(self):
        return f"<{self.name} floor={self.floor} riders={len(self.riders)} moves={self.moves}>"


class Rider:
    __slots_like__ = ("name", "dest", "start")

    def __init__(self, name, dest, start):
        self.name = name
        self.dest = dest
        self.start = start


def run_elevators():
    rng = random.Random(7)
    floors = 8
    cars = [Elevator("A", floors), Elevator("B", floors, capacity=2)]
    cars[1].floor = floors - 1
    waiting = {}
    out = []
    count = 0
    for tick in range(60):
        if tick < 30 and rng.random() < 0.5:
            src = rng.randrange(floors)
            dst = rng.randrange(floors)
            if src != dst:
                count += 1
                waiting.setdefault(src, []).append(Rider(f"r{count}", dst, tick))
        for car in cars:
            car.step(waiting, tick, out)
    for line in out:
        print(line)
    print(cars)
    left = sum(len(q) for q in waiting.values())
    print("riders:", count, "delivered:", sum(c.delivered for c in cars), "still waiting:", left)
    print("in cars:", sorted(r.name for c in cars for r in c.riders))


class Inventory:
    def __init__(self):
        self.items = {}

    def __getitem__(self, name):
        return self.items.get(name, 0)

    def __setitem__(self, name, qty):
        if qty < 0:
            raise ValueError(f"negative stock for {name}")
        if qty == 0:
            self.items.pop(name, None)
        else:
            self.items[name] = qty

    def __delitem__(self, name):
        del self.items[name]

    def __bool__(self):
        return bool(self.items)

    def __str__(self):
        return ", ".join(f"{k}={v}" for k, v in sorted(self.items.items()))


def run_inventory():
    inv = Inventory()
    print("empty inventory is falsy:", not inv)
    orders = [("bolt", 10), ("nut", 25), ("gear", 3), ("bolt", -4), ("gear", -3), ("cog", -1), ("nut", -5)]
    for name, delta in orders:
        try:
            inv[name] = inv[name] + delta
        except ValueError as e:
            print("rejected:", e)
        print(" ", inv)
    del inv["nut"]
    try:
        del inv["nut"]
    except KeyError as e:
        print("KeyError", e)
    print("final:", inv, bool(inv))


run_bank()
run_elevators()
run_inventory()
