squares = [i * i for i in range(10000)]
print(len(squares), squares[-1], sum(squares))
evens = {i for i in range(0, 10000, 2)}
print(len(evens), 9998 in evens, 9999 in evens)
d = {i: i % 7 for i in range(5000)}
print(len(d), d[4999], sum(d.values()))
