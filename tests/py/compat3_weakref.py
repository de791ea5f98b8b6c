# weakref: ref/proxy/WeakMethod die with their referent; WeakValueDictionary,
# WeakKeyDictionary, WeakSet drop dead entries; finalize (explicit, at exit)
import weakref, gc
class Node:
    def __init__(self, name): self.name = name
    def __repr__(self): return f"Node({self.name})"
    def hello(self): return "hi " + self.name
a = Node("a")
r = weakref.ref(a)
print(r() is a, r().name)
del a
gc.collect()
print(r())
b = Node("b")
cache = weakref.WeakValueDictionary()
cache["b"] = b
cache["tmp"] = Node("tmp")
print(sorted(cache.keys()), "b" in cache, "tmp" in cache, len(cache), cache.get("tmp"))
del b
print(len(cache), list(cache.items()))
ws = weakref.WeakSet()
n1, n2 = Node("1"), Node("2")
ws.add(n1); ws.add(n2); ws.add(n1)
print(len(ws), n1 in ws)
del n2
print(len(ws), sorted(x.name for x in ws))
wk = weakref.WeakKeyDictionary()
k = Node("k"); wk[k] = 42
print(wk[k], len(wk), k in wk)
del k
print(len(wk))
c = Node("c")
p = weakref.proxy(c)
print(p.name, p.hello())
del c
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)
try:
    weakref.ref(5)
except TypeError as e:
    print(e)
d = Node("d")
m = weakref.WeakMethod(d.hello)
print(m()())
keep = Node("e")
f = weakref.finalize(keep, print, "finalized at exit")
print(f.alive)
g = Node("g")
f2 = weakref.finalize(g, print, "called explicitly")
f2()
print(f2.alive)
class Parent:
    def __init__(self): self.children = []
    def add(self, c):
        c.parent = weakref.ref(self); self.children.append(c)
pp = Parent(); ch = Node("child"); pp.add(ch)
print(ch.parent() is pp)
print(weakref.ref(pp) == weakref.ref(pp), hash(weakref.ref(d)) == hash(d))
