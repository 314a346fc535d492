s = "hi"
print(f"[{s:^10}] [{s:<10}] [{s:>10}] [{s:10}]")
print(f"[{s:*^9}] [{s:->6}] [{s:.1}] [{'abcdef':.3}] [{'abcdef':>8.2}]")
print(f"[{'':5}] [{'long string':3}]")
words = ["a", "bb", "ccc"]
for w in words:
    print(f"|{w:>5}|{w:<5}|{w:^5}|")
