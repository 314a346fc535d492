def lookup(d, k):
    return d[k]
def main():
    conf = {"host": "localhost", "port": 8080}
    print(lookup(conf, "host"))
    print(lookup(conf, "user"))
main()
