"""CPU-bound: K tasklets (default 8) each run a pure-Python arithmetic loop
of M iterations (default 2000000); main sums their results over a channel.
Run with --workers 1 and with all workers to see the parallel speedup."""
import sys
import stackless


def work(seed, m, out):
    x = seed
    acc = 0
    for i in range(m):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        acc += x % 1000 - i % 7
    out.send(acc)


k = int(sys.argv[1]) if len(sys.argv) > 1 else 8
m = int(sys.argv[2]) if len(sys.argv) > 2 else 2000000
out = stackless.channel()
for s in range(k):
    stackless.tasklet(work)(s, m, out)
total = 0
for _ in range(k):
    total += out.receive()
print(total)
