import stackless

ch = stackless.channel()
try:
    ch.receive()
except RuntimeError as e:
    print("main alone:", e)

def boom():
    raise KeyError("from tasklet")

stackless.tasklet(boom)()
try:
    stackless.run()
except KeyError as e:
    print("raised in main:", repr(e))

ch.close()
print("closing", ch.closing, "closed", ch.closed)
try:
    ch.send(1)
except ValueError as e:
    print("send on closed:", e)
