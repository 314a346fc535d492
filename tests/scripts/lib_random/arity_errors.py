import random
for f in (lambda: random.randint(1), lambda: random.randint(), lambda: random.randint(1,2,3), lambda: random.choice(), lambda: random.sample([1]),
          lambda: random.shuffle([1], 2), lambda: random.seed(1, 2, 3), lambda: random.randrange(), lambda: random.choices(), lambda: random.uniform(1, b=2, c=3), lambda: random.randint(1, a=2)):
    try: f()
    except TypeError as e: print(e)
