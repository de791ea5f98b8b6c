"""Thread-ring: 503 tasklets in a ring of channels pass a token N times;
prints the 1-based id of the tasklet holding it when it reaches zero.
usage: ring.py [N]  (default 1000000)"""
import sys
import stackless

SIZE = 503


def member(ident, inbox, outbox, done):
    while True:
        token = inbox.receive()
        if token is None:
            outbox.send(None)
            return
        if token == 0:
            done.send(ident)
            outbox.send(None)
            inbox.receive()
            return
        outbox.send(token - 1)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
chans = [stackless.channel() for _ in range(SIZE)]
done = stackless.channel()
for i in range(SIZE):
    stackless.tasklet(member)(i + 1, chans[i], chans[(i + 1) % SIZE], done)
chans[0].send(n)
print(done.receive())
