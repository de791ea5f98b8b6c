# subprocess: run/call/check_output/getoutput/Popen with pipes, stderr into
# stdout, input, timeouts, errors, cwd and env; output order with print.
import subprocess, sys
print("before")
r = subprocess.run(["echo", "hello", "world"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(r)
print(subprocess.check_output(["printf", "a\\nb"]))
print(subprocess.check_output("echo $((2+3))", shell=True, text=True), end="")
print(subprocess.call(["false"]), subprocess.call("exit 3", shell=True))
try:
    subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 2"], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.stdout, e.stderr)
r = subprocess.run(["sh", "-c", "echo one; echo two >&2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
print(repr(r.stdout))
r = subprocess.run(["cat"], input="piped in\n", capture_output=True, text=True)
print(repr(r.stdout))
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd, e.timeout > 0)
try:
    subprocess.run(["no-such-program-xyz"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
print(subprocess.getstatusoutput("echo hi; exit 4"), subprocess.getoutput("echo x"))
subprocess.run(["echo", "inherited"])
print("after", subprocess.run("true", shell=True).returncode)
with subprocess.Popen(["echo", "popen"], stdout=subprocess.PIPE) as p:
    out, err = p.communicate()
print(out, err, p.returncode)
print(subprocess.run(["pwd"], cwd="/tmp", capture_output=True, text=True).stdout.strip(), subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar"}, capture_output=True, text=True).stdout.strip())
