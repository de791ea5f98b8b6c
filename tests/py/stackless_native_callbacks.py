import stackless

ch = stackless.channel()

def items(n):
    for _ in range(n):
        yield ch.receive()

def producer():
    for i in [5, 3, 9, 1]:
        ch.send(i)
    for i in [7, 2]:
        ch.send(i)
    ch.send(4)

def consumer(out):
    first = sorted(items(4))              # a generator consumed by sorted()
    second = list(items(2))               # ... by list()
    third = next(items(1))                # ... by next()
    keyed = sorted([3, 1, 2], key=lambda x: -x)
    out.send((first, second, third, keyed))

result = stackless.channel()
stackless.tasklet(producer)()
stackless.tasklet(consumer)(result)
print(result.receive())

# A key function that itself receives from a channel.
keys = stackless.channel()
def key_server():
    for k in [30, 10, 20]:
        keys.send(k)
def sorter(out):
    out.send(sorted(["a", "b", "c"], key=lambda s: keys.receive()))
stackless.tasklet(key_server)()
stackless.tasklet(sorter)(result)
print(result.receive())
