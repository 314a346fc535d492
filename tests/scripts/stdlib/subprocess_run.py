# subprocess on _posixsubprocess.fork_exec, posix.waitpid and select.poll:
# run() with captured output, text mode, input, check, cwd, env, stderr to
# stdout, a missing program, a failing cwd, Popen with pipes, a timeout,
# preexec_fn, pass_fds.
import os, subprocess, sys, tempfile

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r.returncode, r.stdout, r.stderr, r.args)
print(repr(subprocess.check_output(["sh", "-c", "echo $((1+2))"], text=True)))
r = subprocess.run(["tr", "a-z", "A-Z"], input=b"hello\n" * 3, capture_output=True)
print(r.stdout)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.returncode, sorted(r.stdout.split()))
try:
    subprocess.run(["sh", "-c", "exit 2"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
try:
    subprocess.run(["/nonexistent/program-xyz"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
try:
    subprocess.run(["true"], cwd="/nonexistent-dir-xyz")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
with tempfile.TemporaryDirectory() as d:
    print(subprocess.run(["pwd"], cwd=d, capture_output=True, text=True).stdout.strip() == os.path.realpath(d))
print(subprocess.run(["sh", "-c", "echo $GREETING"], env={"GREETING": "bonjour", "PATH": os.environ["PATH"]},
                     capture_output=True, text=True).stdout)
print(subprocess.run("echo shell $((6*7))", shell=True, capture_output=True, text=True).stdout, end="")
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"via cat")
print(out, err, p.returncode, p.poll(), p.wait())
p = subprocess.Popen(["sh", "-c", "exit 5"])
print(p.wait(), p.returncode)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, round(e.timeout, 1))
print(subprocess.run(["sh", "-c", "kill -TERM $$"]).returncode)
print(subprocess.run(["sh", "-c", "echo $FROM_PREEXEC"], preexec_fn=lambda: os.environ.__setitem__("X", "1"),
                     capture_output=True).returncode)
try:
    subprocess.run(["true"], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
rfd, wfd = os.pipe()
subprocess.run(["sh", "-c", "echo passed >&%d" % wfd], pass_fds=(wfd,))
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)
print(subprocess.getoutput("echo getoutput"), subprocess.getstatusoutput("exit 4"))
print(sys.executable != "")
