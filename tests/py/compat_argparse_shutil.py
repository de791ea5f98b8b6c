import os
os.environ["COLUMNS"] = "80"
import argparse
p = argparse.ArgumentParser(description="Demo tool", prog="demo")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-n", "--count", type=int, default=3, help="how many")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("--mode", choices=["a", "b"], default="a")
args = p.parse_args(["x.txt", "-n", "5", "--verbose"])
print(args, args.count, args.files, vars(args))
print(p.parse_args([]))
p.print_help()
try:
    p.parse_args(["--mode", "z"])
except SystemExit as e:
    print("exit", e.code)
sub = argparse.ArgumentParser(prog="git")
sp = sub.add_subparsers(dest="cmd")
c = sp.add_parser("commit"); c.add_argument("-m")
print(sub.parse_args(["commit", "-m", "msg"]))
import shutil, os
base = "/tmp/weft_shutil_%d" % os.getpid()
os.makedirs(base + "/a/b", exist_ok=True)
with open(base + "/a/f.txt", "w") as f: f.write("hello")
shutil.copy(base + "/a/f.txt", base + "/g.txt"); print(open(base + "/g.txt").read())
shutil.copytree(base + "/a", base + "/c"); print(sorted(os.listdir(base + "/c")))
shutil.move(base + "/g.txt", base + "/h.txt"); print(sorted(os.listdir(base + "")))
print(shutil.which("ls") is not None, shutil.get_terminal_size((80, 24)).columns > 0)
shutil.rmtree(base + ""); print(os.path.exists(base + ""))
