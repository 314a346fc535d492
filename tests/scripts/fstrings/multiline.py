name = "tributary"
version = 3
msg = (f"name={name} "
       f"version={version} "
       "plain "
       f"end={version * 2}")
print(msg)
block = f"""first {name}
second {version}
third"""
print(block)
print(f"tab\there {name}\n{version}")
print(rf"raw \n {name}", fr"also raw \t {version}")
