# __del__: run when the last reference goes (del, rebinding, scope exit, container
# removal, list release order), errors reported and ignored, teardown at exit
class R:
    def __init__(self, n): self.n = n; print("init", n)
    def __del__(self): print("del", self.n)
a = R(1)
del a
print("after del")
b = R(2)
b = None
print("rebound")
def f():
    c = R(3)
    print("in f")
f()
print("after f")
lst = [R(4)]
lst.clear()
print("end")
d = R(5)
