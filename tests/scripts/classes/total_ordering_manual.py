class Card:
    RANKS = "23456789TJQKA"
    def __init__(self, s):
        self.rank = Card.RANKS.index(s[0])
        self.suit = s[1]
    def __lt__(self, o): return (self.rank, self.suit) < (o.rank, o.suit)
    def __eq__(self, o): return (self.rank, self.suit) == (o.rank, o.suit)
    def __hash__(self): return hash((self.rank, self.suit))
    def __repr__(self): return Card.RANKS[self.rank] + self.suit
hand = [Card(s) for s in "AS KH 2C TD 2D 9S".split()]
print(sorted(hand), sorted(hand, reverse=True)[0], max(hand))
print(sorted(set(hand + [Card("AS")])))
