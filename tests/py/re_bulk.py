# findall / finditer / sub over many matches (answered by one native call
# when possible), checked against CPython, including the cases that must
# take the match-by-match path.
import re
text = "\n".join(f"id{i} user{i}@ex{i % 3}.org on 2024-0{i % 9 + 1}-1{i % 10} val={i * 7}" for i in range(300))
print(len(re.findall(r"\d+", text)), re.findall(r"\d+", text)[:5], re.findall(r"\d+", text)[-3:])
print(re.findall(r"(\d{4})-(\d{2})-(\d{2})", text)[:3])
print(re.findall(r"user(\d+)@", text)[-2:])
print(re.findall(r"(a)|(\d)x", "a1xb2xa"))          # groups that did not take part
print(re.findall(r"x*", "axxb"), re.findall(r"\b", "ab cd"))   # empty matches
print(re.findall(r"\d+", "12 34 56"), re.compile(r"\d+").findall("12 34 56", 1, 5))
print(re.findall(r"é+|\w+", "café au lait é"))      # non-ASCII subject
print(re.findall(r"^\w+$", "one\ntwo", re.M), re.findall(r"\w+$", "one\ntwo\n"))
print(re.findall(rb"\d+", b"a1b22c333"))
print([m.span() for m in re.finditer(r"\w+", "hello big world")])
print([(m.group(), m.start(1)) for m in re.finditer(r"(\d)?[a-z]", "1a b 2c")])
print(re.sub(r"\d+", "#", text)[:60])
print(re.subn(r"\d+", "N", "1 22 333 4444", count=2), re.subn(r"\d+", "N", "1 2", count=-1))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "me@host you@there"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.sub(r"x*", "-", "abxd"), re.sub(r"", "/", "abc"))
print(re.sub(r"\s+", " ", "  lots   of\n\nspace  "))
print(re.sub(rb"\d", b"#", b"a1b2"), re.sub(r"é", "e", "été"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b"))
pat = re.compile(r"(?P<k>\w+)=(?P<v>\d+)")
print([m.groupdict() for m in pat.finditer("a=1 b=22 c=x d=4")])
print(pat.sub(lambda m: m["v"] + "=" + m["k"], "a=1 b=22"))
print(re.split('a', 'bab', maxsplit=-1), re.split('(a)(x)?', 'bab'), re.split(r'\W+', 'a, b;c', 1), re.split(r'(\d)', 'a1b2c'))
print(re.split('x*', 'axb'), re.split(r'\s', 'é a b'), re.split('(?P<n>,)', 'a,b'), len(re.split(r"\W+", text)), re.split(rb",", b"a,b"))
class S(str):
    pass
print(re.split(',', S('a,b')), type(re.split(',', S('a,b'))[0]).__name__, re.findall('A', 'aA', re.I))
