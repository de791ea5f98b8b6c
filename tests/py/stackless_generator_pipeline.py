import stackless
def items(ch):
    while True:
        x = ch.receive()
        if x is None:
            return
        yield x
def end_stream(ch):
    ch.send(None)
def producer(out):
    for i in (2, 3, 4, 5):
        out.send(i)
    end_stream(out)
def sieve(inbox, primes):
    stream = items(inbox)
    p = next(stream, None)
    primes.send(p)
    nxt = None
    for x in stream:
        if x % p:
            if nxt is None:
                nxt = stackless.channel()
                stackless.tasklet(sieve)(nxt, primes)
            nxt.send(x)
    end_stream(primes if nxt is None else nxt)
def consumer(inbox, result):
    out = []
    for x in items(inbox):
        out.append(x)
    result.send(out)
numbers, primes, result = stackless.channel(), stackless.channel(), stackless.channel()
stackless.tasklet(producer)(numbers)
stackless.tasklet(sieve)(numbers, primes)
stackless.tasklet(consumer)(primes, result)
print(result.receive())
