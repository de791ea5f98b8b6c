# stackless.run(timeout): the watchdog interrupts a tasklet that runs
# `timeout` ticks (weft counts calls and backward jumps) without switching,
# removes it from the run queue and returns it.
import stackless

progress = {"spin": 0, "polite": 0}

def spin():
    while True:
        progress["spin"] += 1

def polite(n):
    for i in range(n):
        progress["polite"] += 1
        stackless.schedule()

s = stackless.tasklet(spin)()
p = stackless.tasklet(polite)(3)
victim = stackless.run(1000)
print("interrupted spin:", victim is s, "alive", s.alive, "scheduled", s.scheduled, "paused", s.paused)
print("spin ran", progress["spin"] > 0, "polite ran", progress["polite"])
print("runcount after interrupt", stackless.getruncount())

# The rest keeps running under a further watchdog; the paused victim does not.
victim = stackless.run(1000)
print("second run returned", victim, "polite", progress["polite"])

# Reinserting the victim resumes it where it was interrupted.
before = progress["spin"]
s.insert()
victim = stackless.run(1000)
print("resumed and interrupted again:", victim is s, progress["spin"] > before)
s.kill()
print("killed:", s.alive)

# atomic: an atomic tasklet is not interrupted; the pending interrupt is
# taken as soon as it leaves the atomic block.
log = []
def critical():
    with stackless.atomic():
        for i in range(5000):
            pass
        log.append("atomic block done")
    log.append("after atomic (not reached before the interrupt)")
    while True:
        pass
c = stackless.tasklet(critical)()
victim = stackless.run(100)
print("atomic:", log, victim is c, "atomic flag now", c.atomic)
c.kill()

# set_atomic returns the old flag.
t = stackless.current
print("set_atomic", t.set_atomic(True), t.set_atomic(False), t.atomic)

# soft: no tasklet is interrupted; run() returns None at the next switch
# after the timeout, leaving everything scheduled.
log = []
def worker(name):
    for i in range(3):
        for j in range(300):
            pass
        log.append((name, i))
        stackless.schedule()
a = stackless.tasklet(worker)("a")
b = stackless.tasklet(worker)("b")
r = stackless.run(100, soft=True)
print("soft returned", r, "log", log, "runcount", stackless.getruncount())
stackless.run()
print("finished", log[-2:])

# totaltimeout: the budget is for the whole run(), not per switch, so
# tasklets that keep scheduling are interrupted too.
count = [0]
def busy_polite():
    while True:
        for j in range(50):
            pass
        count[0] += 1
        stackless.schedule()
x = stackless.tasklet(busy_polite)()
y = stackless.tasklet(busy_polite)()
r = stackless.run(10000, totaltimeout=True)
print("totaltimeout interrupted one of them:", r is x or r is y, "switched many times:", count[0] > 10)
x.kill(); y.kill()
# Without totaltimeout the slice restarts at every switch: polite tasklets
# are never interrupted.
def finite_polite(n):
    for i in range(n):
        for j in range(50):
            pass
        stackless.schedule()
stackless.tasklet(finite_polite)(300)
stackless.tasklet(finite_polite)(300)
print("per-switch slice:", stackless.run(1000))
print("runcount", stackless.getruncount())
