import random
random.seed(1)
print(random.randint(1, 3), random.randrange(10))
try:
    random.randrange(5, 5)
except ValueError as e:
    print("ValueError:", e)
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
random.randint(5, 1)
