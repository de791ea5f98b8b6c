# Run-queue operations on one worker, checked against Stackless's C
# implementation (slp_schedule_task and friends), not PyPy's emulation.
import stackless

def names(first, attr="next"):
    out, t, seen = [], first, set()
    while t is not None and id(t) not in seen:
        seen.add(id(t))
        out.append(label.get(id(t), "?"))
        t = getattr(t, attr)
    return out

label = {id(stackless.main): "main"}

def f(name):
    print(name, "runs; next is", label.get(id(stackless.current.next)))
    stackless.schedule()
    print(name, "again")

t1 = stackless.tasklet(f)("t1")
t2 = stackless.tasklet(f)("t2")
t3 = stackless.tasklet(f)("t3")
for n, t in (("t1", t1), ("t2", t2), ("t3", t3)):
    label[id(t)] = n
print("runcount", stackless.getruncount(), stackless.runcount)
print("chain from main:", names(stackless.main))
print("chain backwards:", names(stackless.main, "prev"))

# run() of a scheduled tasklet rotates the chain: t1, which sits between
# main and t2, is skipped until main has run again.
t2.run()
print("main back; chain:", names(stackless.main))
stackless.run()
print("all done, runcount", stackless.getruncount())

# run() of a removed tasklet puts it right before the caller.
a = stackless.tasklet(f)("a")
b = stackless.tasklet(f)("b")
label[id(a)] = "a"; label[id(b)] = "b"
print("remove a ->", a.remove() is a, "paused", a.paused, "scheduled", a.scheduled)
a.run()
print("main back; chain:", names(stackless.main))
stackless.run()

# switch(): the caller is paused (out of the queue) until someone runs it.
def switcher():
    print("switcher runs; main scheduled:", stackless.main.scheduled, "paused:", stackless.main.paused)
    stackless.main.insert()
    print("main inserted; runcount", stackless.getruncount())
s = stackless.tasklet(switcher)
s.bind(switcher, ())
print("bound, not scheduled:", s.alive, s.scheduled, s.paused)
s.switch()
print("main resumed after switch")

# schedule_remove(): main leaves the queue; a tasklet puts it back.
def reinsert():
    print("reinsert: main paused", stackless.main.paused)
    stackless.main.insert()
stackless.tasklet(reinsert)()
print("schedule_remove returns", stackless.schedule_remove("rv"))

# schedule(retval) returns retval; the default is the current tasklet.
print("schedule() returns current:", stackless.schedule() is stackless.current)
print("schedule(42) returns", stackless.schedule(42))

# insert of the current tasklet is a no-op; remove of it is an error.
stackless.current.insert()
try:
    stackless.current.remove()
except RuntimeError as e:
    print("remove current:", e)

# Error messages.
dead = stackless.tasklet(lambda: None)()
stackless.run()
for what, call in (("insert dead", dead.insert), ("run dead", dead.run),
                   ("throw dead", lambda: dead.throw(ValueError)),
                   ("raise_exception dead", lambda: dead.raise_exception(ValueError, 1)),
                   ("insert unbound", stackless.tasklet(lambda: 1).insert)):
    try:
        call()
        print(what, "ok")
    except RuntimeError as e:
        print(what, "->", e)
print("kill dead is a no-op:", dead.kill())
ch = stackless.channel()
w = stackless.tasklet(ch.receive)()
stackless.run()
for what, call in (("insert blocked", w.insert), ("run blocked", w.run), ("remove blocked", w.remove)):
    try:
        call()
    except RuntimeError as e:
        print(what, "->", e)
w.kill()
print("killed blocked: alive", w.alive, "balance", ch.balance)
