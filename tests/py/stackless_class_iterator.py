import stackless
ch = stackless.channel()
class ChanIter:
    def __iter__(self): return self
    def __next__(self):
        v = ch.receive()
        if v is None: raise StopIteration
        return v
def prod():
    for i in range(3): ch.send(i)
    ch.send(None)
out = stackless.channel()
def cons():
    out.send([v * 10 for v in ChanIter()])
stackless.tasklet(prod)(); stackless.tasklet(cons)()
print(out.receive())
