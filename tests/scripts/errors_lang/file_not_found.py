import os
print(os.path.exists("/definitely/not/here.txt"))
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror)
open("/definitely/not/here.txt", "rb")
