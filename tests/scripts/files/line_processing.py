import os, tempfile
path = os.path.join(tempfile.gettempdir(), 'trib_files_csv_%d.txt' % os.getpid())
rows = [('name', 'qty', 'price'), ('apple', 3, 0.5), ('pear', 10, 0.25), ('fig', 7, 1.75)]
with open(path, 'w') as f:
    for r in rows:
        f.write(','.join(str(x) for x in r) + '\n')
total = 0.0
with open(path) as f:
    header = f.readline().strip().split(',')
    for line in f:
        name, qty, price = line.strip().split(',')
        total += int(qty) * float(price)
        print(name.ljust(6), qty.rjust(3), price)
print(header, round(total, 2))
count = sum(1 for _ in open(path))
print(count)
os.remove(path)
