# LoadGlobal results are cached per instruction; every way of changing a
# global or builtin must be seen by the next lookup.
import builtins
import sys

X = 1

def read_x():
    return X

def read_len(s):
    return len(s)

out = []
for i in range(3):
    out.append(read_x())
X = 2
out.append(read_x())
globals()["X"] = 3
out.append(read_x())
globals().update(X=4)
out.append(read_x())
sys.modules[__name__].X = 5
out.append(read_x())
print(out)

# Shadowing a builtin with a global, then removing the shadow.
print(read_len("abc"))
len = lambda s: 99
print(read_len("abc"))
del len
print(read_len("abc"))

# Changing the builtin itself.
orig = builtins.len
builtins.len = lambda s: -1
print(read_len("abc"))
builtins.len = orig
print(read_len("abc"))

# Deleting a global: NameError from the same instruction.
del X
try:
    read_x()
except NameError as e:
    print("NameError:", e)
X = 6
print(read_x())

# The same code object run with different globals.
code = compile("def f():\n    return Y\n", "<g>", "exec")
g1 = {"Y": "one"}
g2 = {"Y": "two"}
exec(code, g1)
exec(code, g2)
for _ in range(3):
    print(g1["f"](), g2["f"]())
g1["Y"] = "uno"
print(g1["f"](), g2["f"]())

# A global rebound inside a loop that also reads it.
def count():
    global N
    for _ in range(5):
        N = N + 1
    return N
N = 0
print(count(), count())
