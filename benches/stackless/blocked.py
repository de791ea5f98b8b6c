"""N tasklets (default 1000000) each blocked receiving on one shared channel;
once all are blocked, main releases them one value each and collects what
they pass on; prints the sum 0+1+...+(N-1)."""
import sys
import stackless


def waiter(gate, done):
    done.send(gate.receive())


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
gate, done = stackless.channel(), stackless.channel()
for _ in range(n):
    stackless.tasklet(waiter)(gate, done)
while gate.balance > -n:          # let every tasklet reach its receive
    stackless.schedule()
for i in range(n):
    gate.send(i)
total = 0
for _ in range(n):
    total += done.receive()
print(total)
