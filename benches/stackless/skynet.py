"""Skynet: a 10-ary tree of tasklets with N leaves (default 1000000); leaf k
sends k, parents sum over a channel; prints N*(N-1)/2."""
import sys
import stackless


def skynet(out, num, size):
    if size == 1:
        out.send(num)
        return
    ch = stackless.channel()
    step = size // 10
    for i in range(10):
        stackless.tasklet(skynet)(ch, num + i * step, step)
    total = 0
    for _ in range(10):
        total += ch.receive()
    out.send(total)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
root = stackless.channel()
stackless.tasklet(skynet)(root, 0, n)
print(root.receive())
