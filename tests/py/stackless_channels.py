import stackless

ch = stackless.channel()
log = []

def sender(name, values):
    for v in values:
        log.append((name, "send", v, ch.balance))
        ch.send(v)
    log.append((name, "done"))

def receiver(n):
    for _ in range(n):
        v = ch.receive()
        log.append(("recv", v, ch.balance))

stackless.tasklet(sender)("a", [1, 2])
stackless.tasklet(sender)("b", [3])
stackless.tasklet(receiver)(3)
stackless.run()
for entry in log:
    print(entry)
print("balance", ch.balance)

# Exceptions through a channel.
def fail_sender():
    ch.send_exception(ValueError, "bad value")

def catcher():
    try:
        ch.receive()
    except ValueError as e:
        print("receiver got", type(e).__name__, e)

stackless.tasklet(fail_sender)()
stackless.tasklet(catcher)()
stackless.run()

# Main receives from a tasklet.
def give():
    ch.send("to main")
stackless.tasklet(give)()
print(ch.receive())

# Channel balance with several blocked receivers.
def waiter(i):
    print("waiter", i, "got", ch.receive())
for i in range(3):
    stackless.tasklet(waiter)(i)
stackless.run()
print("balance with 3 receivers", ch.balance)
for i in range(3):
    ch.send(i * 10)
print("balance after", ch.balance)
