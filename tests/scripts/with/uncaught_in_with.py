class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        print("cleanup")
def work():
    with CM():
        return 1 / 0
work()
