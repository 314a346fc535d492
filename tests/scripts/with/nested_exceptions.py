log = []
class Tracker:
    def __init__(self, name): self.name = name
    def __enter__(self):
        log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        log.append("exit %s %s" % (self.name, et.__name__ if et else "-"))
        return self.name == "swallow"
with Tracker("outer"):
    with Tracker("swallow"):
        with Tracker("inner"):
            raise ValueError()
    log.append("after swallow")
print("\n".join(log))
