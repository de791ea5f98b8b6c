# Patterns re.py hands to the native matcher (ASCII subjects) and the cases
# where it must fall back to its own engine; every result as CPython's.
import re

text = "The quick brown fox jumps over 13 lazy dogs; mail a.b@c.com, x_y@z.org\nline two 42.5\n"
for p in [r"\b\w+\b", r"[\w.]+@[\w.]+", r"\d+(\.\d+)?", r"(?P<user>\w+)@(?P<host>[\w.]+)", r"^\w+", r"(?m)^\w+",
          r"\w+$", r"(?m)\w+$", r"o\b", r"\Bo\B", r"[^a-z\s]+", r"(?i)THE|LAZY", r"(fox|dog)s?", r"\s+",
          r"[aeiou]{2,}", r"x?", r"(a|b)*?c", r"[-.]", r"\x41|q", r"(?s).{5}\n", r"\A\w+", r"\d+\Z", r"(\w)\1"]:
    c = re.compile(p)
    print(p, c.findall(text)[:8], [m.span() for m in c.finditer(text)][:4])
    print("  sub", c.sub("<\\g<0>>", text[:40]))
    print("  split", c.split(text[:40])[:6])
    m = c.search(text, 5, 60)
    print("  search(5,60)", m and (m.span(), m.groups()))
    m = c.match(text, 4)
    print("  match(4)", m and (m.span(), m.groupdict()))

# \s: \x1c-\x1f are whitespace for str patterns, not with re.ASCII.
s = "a\x1cb\x1fc d"
print(re.findall(r"\s", s), re.findall(r"\s", s, re.A), re.findall(r"[\s]", s), re.findall(r"\S+", s, re.A))
# $ without MULTILINE matches before a final newline too.
print(re.findall(r"\w+$", "ab\ncd\n"), re.search(r"d$", "abcd\n").span(), re.findall(r"$", "a\n"))
# endpos: the subject ends there.
c = re.compile(r"\w+$")
print(c.search("hello world", 0, 5), c.search("hello world", 0, 8).span())
print(re.compile(r"\b").findall(""), re.compile(r"\B").findall(""), re.compile(r"\B").findall("ab"))
# empty matches next to non-empty ones
print(re.findall(r"a*", "baaac"), re.sub(r"x*", "-", "abxd"), re.split(r"\b", "a b"))
# non-ASCII subjects use re.py's own engine
print(re.findall(r"\w+", "héllo wörld"), re.sub(r"\s", "_", "a\u2003b"))
# search positions beyond the end
c = re.compile(r"")
print(c.search("abc", 10), c.search("abc", 10).span(), c.match("abc", 1, 2).span())
