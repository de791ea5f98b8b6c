# The three channel preferences and schedule_all: who runs after a
# rendezvous, for a sender arriving second and for a receiver arriving
# second, with two bystander tasklets in the run queue.
import stackless

def scenario(pref, schedule_all, receiver_first):
    ch = stackless.channel()
    ch.preference = pref
    ch.schedule_all = schedule_all
    log = []

    def receiver():
        log.append("R wait")
        v = ch.receive()
        log.append("R got %s" % v)

    def sender():
        log.append("S send")
        ch.send("x")
        log.append("S sent")

    def bystander(name):
        log.append(name)

    if receiver_first:
        stackless.tasklet(receiver)()
        stackless.tasklet(bystander)("b1")
        stackless.tasklet(sender)()
        stackless.tasklet(bystander)("b2")
    else:
        stackless.tasklet(sender)()
        stackless.tasklet(bystander)("b1")
        stackless.tasklet(receiver)()
        stackless.tasklet(bystander)("b2")
    stackless.run()
    print("pref=%2d all=%d %s: %s" % (pref, schedule_all, "recv-first" if receiver_first else "send-first", ", ".join(log)))

for pref in (-1, 0, 1):
    for receiver_first in (True, False):
        scenario(pref, False, receiver_first)
for receiver_first in (True, False):
    scenario(-1, True, receiver_first)

# Ping-pong ordering with the default preference.
ch = stackless.channel()
def ping(n):
    for i in range(n):
        print("ping", i)
        ch.send(i)
def pong(n):
    for i in range(n):
        print("pong", ch.receive())
stackless.tasklet(ping)(3)
stackless.tasklet(pong)(3)
stackless.run()
