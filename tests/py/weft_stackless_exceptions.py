# Uncaught errors of tasklets reach main out of whatever main is doing;
# throw/kill switch to their target; deadlock messages.
import stackless

ch = stackless.channel()

# Out of schedule(): the failing tasklet's error is raised in main at once.
def fail(msg):
    raise ValueError(msg)
stackless.tasklet(fail)("out of schedule")
try:
    stackless.schedule()
except ValueError as e:
    print("schedule raised:", e)

# Out of a channel receive main is blocked in.
stackless.tasklet(fail)("out of receive")
try:
    ch.receive()
except ValueError as e:
    print("receive raised:", e, "balance", ch.balance)

# Out of run(), leaving the other tasklets scheduled.
def polite(name):
    stackless.schedule()
    print(name, "finished")
stackless.tasklet(fail)("out of run")
stackless.tasklet(polite)("p")
try:
    stackless.run()
except ValueError as e:
    print("run raised:", e, "runcount", stackless.getruncount())
stackless.run()

# Main blocked when the last other tasklet ends.
stackless.tasklet(lambda: None)()
try:
    ch.receive()
except RuntimeError as e:
    print("receive:", e)
stackless.tasklet(lambda: None)()
try:
    ch.send(1)
except RuntimeError as e:
    print("send:", e)
try:
    ch.send(1)
except RuntimeError as e:
    print("send alone:", e)

# A tasklet blocking while main is blocked: the blocker gets the deadlock.
other = stackless.channel()
def blocker():
    try:
        other.receive()
    except RuntimeError as e:
        print("blocker:", e)
stackless.tasklet(blocker)()
try:
    ch.receive()
except RuntimeError as e:
    print("main:", e)

# throw() switches to the target at once (inserted before the caller);
# with pending=True the target is only made runnable.
order = []
def victim(name):
    try:
        order.append(name + " waits")
        ch.receive()
    except Exception as e:
        order.append("%s got %s(%s)" % (name, type(e).__name__, e))
v1 = stackless.tasklet(victim)("v1")
v2 = stackless.tasklet(victim)("v2")
stackless.run()
print("queue:", ch.queue is v1, ch.queue.next is v2, v2.next, v1.prev, "balance", ch.balance)
v1.throw(IndexError, "now")
order.append("main after throw")
v2.throw(IndexError("later"), pending=True)
order.append("main after pending throw; v2 blocked: %s, balance %d" % (v2.blocked, ch.balance))
stackless.schedule()
order.append("main after schedule")
print("\n".join(order))

# raise_exception(cls, *args) and kill(pending=True).
def sleeper():
    try:
        stackless.schedule_remove()
    except ZeroDivisionError as e:
        print("sleeper got", repr(e))
t = stackless.tasklet(sleeper)()
stackless.run()
t.raise_exception(ZeroDivisionError, "a", 1)
def looper():
    try:
        while True:
            stackless.schedule()
    except TaskletExit:
        print("looper killed")
        raise
t = stackless.tasklet(looper)()
stackless.schedule()
t.kill(pending=True)
print("kill pending: alive", t.alive)
stackless.schedule()
print("after schedule: alive", t.alive)

# Killing a tasklet blocked on a channel fixes the balance.
def rx():
    ch.receive()
waiters = [stackless.tasklet(rx)() for i in range(3)]
stackless.run()
print("balance", ch.balance)
waiters[1].kill()
print("balance after kill", ch.balance, "queue", ch.queue is waiters[0], ch.queue.next is waiters[2])
for w in waiters:
    w.kill()
print("balance", ch.balance, "queue", ch.queue)

# A tasklet's uncaught error passes through a bomb sent over a channel.
def sender():
    ch.send_exception(KeyError, "via channel")
stackless.tasklet(sender)()
try:
    ch.receive()
except KeyError as e:
    print("received exception", repr(e))
def thrower():
    ch.send_throw(OSError("thrown"))
stackless.tasklet(thrower)()
try:
    ch.receive()
except OSError as e:
    print("received throw", repr(e))

# Iteration ends when the sender sends StopIteration, also inside list().
def feed():
    for i in range(3):
        ch.send(i)
    ch.send_exception(StopIteration)
stackless.tasklet(feed)()
print("iterated", list(ch))

# Closing: senders already blocked still deliver; then the channel is
# closed, iteration ends and blocking fails.
for i in range(3):
    stackless.tasklet(ch.send)(i)
stackless.run()
ch.close()
print("closing", ch.closing, "closed", ch.closed, "balance", ch.balance)
print("drained", [x for x in ch], "closed", ch.closed)
try:
    ch.receive()
except ValueError as e:
    print("receive on closed:", e)
ch.open()
print("reopened", ch.closing)

# block_trap
stackless.current.block_trap = True
try:
    ch.receive()
except RuntimeError as e:
    print("block_trap:", e)
stackless.current.block_trap = False
