# re lastindex/lastgroup with nested groups (tokenizers), closure cells
import re

spec = [("NUM", r"\d+(\.\d*)?"), ("ID", r"[A-Za-z_]\w*"), ("OP", r"[-+*/()]"), ("WS", r"\s+")]
rx = re.compile("|".join(f"(?P<{n}>{p})" for n, p in spec))
print([(m.lastgroup, m.group()) for m in rx.finditer("x1 = 3.25 * (y + 42)") if m.lastgroup != "WS"])
for p, s in [(r"((a)b)", "ab"), (r"(a)(b)", "ab"), (r"(a)|(b)", "b"), (r"((a)|b)+", "ab"),
             (r"(?P<x>a(?P<y>b))", "ab"), (r"(a)(b*)", "a"), (r"(a(b)?)c", "ac"), (r"x", "x")]:
    m = re.match(p, s)
    print(p, m.lastindex, m.lastgroup, m.groups())


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n
    return inc


c = counter()
c()
print(c(), [cell.cell_contents for cell in c.__closure__])


def late():
    def f():
        return v
    cells = f.__closure__
    try:
        cells[0].cell_contents
    except ValueError as e:
        print("ValueError:", e)
    v = 1
    return cells[0].cell_contents


print(late())
