import stackless
a, b = stackless.channel(), stackless.channel()
def producer():
    a.send(1)
    print("producer done")
def relay():
    v = a.receive()
    b.send(v + 1)
stackless.tasklet(producer)()
stackless.tasklet(relay)()
print("main got", b.receive())
