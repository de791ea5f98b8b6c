import stackless

ch = stackless.channel()

# Iteration ends when the sender sends StopIteration.
def producer():
    for i in range(4):
        ch.send(i * i)
    ch.send_exception(StopIteration)

def consumer():
    print("consumed", [x for x in ch])

stackless.tasklet(producer)()
stackless.tasklet(consumer)()
stackless.run()

