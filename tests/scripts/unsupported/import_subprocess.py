import subprocess
print(subprocess.run)
