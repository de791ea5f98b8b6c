# __del__ with inheritance, shared references, exceptions in __del__, module teardown
class Base:
    count = 0
    def __init__(self, name): self.name = name; Base.count += 1
    def __del__(self):
        Base.count -= 1
        print(f"{type(self).__name__} {self.name} destroyed, {Base.count} left")
class Child(Base): pass
class Bad:
    def __del__(self): raise ValueError("oops in del")
a = Base("a"); b = Child("b"); c = a
del a
print("a still referenced by c")
del c
objs = [Child(i) for i in range(3)]
objs.pop()
print("popped")
objs = None
Bad()
print("after bad")
class FileLike:
    def __init__(self): self.closed = False; print("open")
    def close(self): self.closed = True; print("closed")
    def __del__(self):
        if not self.closed: self.close()
def use():
    f = FileLike()
    return 42
print(use())
d = {"k": Base("in dict")}
d["k"] = Base("replacement")
print("replaced")
keep = Base("global")
_private = Base("private")
