db = {"alice": {"age": 30, "tags": ["x"]}, "bob": {"age": 25, "tags": []}}
db["bob"]["tags"].append("new")
db["carol"] = {"age": 41, "tags": ["y", "z"]}
for name in db:
    print(name, db[name]["age"], db[name]["tags"])
print(sum([p["age"] for p in db.values()]))
print(sorted(db, key=lambda n: db[n]["age"]))
print(db)
