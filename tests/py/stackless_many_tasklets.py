# Over a thousand tasklets (weft then keeps only the frames of a parked
# tasklet): channel hand-offs in Stackless order, blocked senders' values
# (tempval), exceptions sent to blocked receivers, kills of blocked
# tasklets and of tasklets that never ran, and tasklets bound to calls that
# are not an exact positional match.
import stackless

import sys
N = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
log = []


def receiver(ch, i):
    v = ch.receive()
    log.append(("r", i, v))
    stackless.schedule()


def sender(ch, i):
    ch.send(i * 10)
    log.append(("s", i))


ch = stackless.channel()
ts = [stackless.tasklet(receiver)(ch, i) for i in range(N)]
stackless.run()
print("balance after receivers block:", ch.balance)
for i in range(0, N, 3):
    ch.send(i)
print("logged after sends:", len(log))
# Kill some blocked receivers; send exceptions to others.
for i in range(1, N, 3):
    ts[i].kill()
caught = []


def catcher(c, i):
    try:
        c.receive()
    except ValueError as e:
        caught.append((i, str(e)))


c2 = stackless.channel()
cs = [stackless.tasklet(catcher)(c2, i) for i in range(20)]
stackless.run()
for _ in range(10):
    c2.send_exception(ValueError, "boom")
stackless.run()
print("caught:", len(caught), caught[:3])
# Blocked senders and their tempval.
c3 = stackless.channel()
ss = [stackless.tasklet(sender)(c3, i) for i in range(N)]
stackless.run()
print("senders blocked:", c3.balance, bool(ss[5].blocked), ss[5].tempval)
got = [c3.receive() for _ in range(N)]
print("received:", sum(got), got[:5])
stackless.run()
# Killed before they ever ran.
fresh = [stackless.tasklet(sender)(c3, i) for i in range(N)]
for t in fresh[::2]:
    t.kill()
print("alive after kill:", sum(t.alive for t in fresh))
stackless.run()
got = [c3.receive() for _ in range(N // 2)]
print("received from the rest:", sum(got))
# Non-exact calls: defaults, *args, keywords.
out = []


def flexible(a, b=2, *rest, k=0):
    out.append(a + b + sum(rest) + k)


for i in range(1100):
    stackless.tasklet(flexible)(i, k=1)
stackless.tasklet(flexible)(1, 2, 3, 4)
stackless.run()
print("flexible:", len(out), sum(out))
# The remaining blocked receivers (i % 3 == 2) get a value each.
for i in range(2, N, 3):
    ch.send(-i)
stackless.run()
print("log:", len(log), log[:6], sorted(log)[-3:])
print("runcount:", stackless.getruncount())
