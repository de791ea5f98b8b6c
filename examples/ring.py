"""Thread-ring, after the Computer Language Benchmarks Game.

503 tasklets are linked in a ring by 503 channels: tasklet i receives from
channel i and sends to channel i+1 (the last one sends back to the first).
A token holding the number N is put into the ring; every tasklet that gets
it passes on N-1. The tasklet that receives 0 prints its 1-based id.

The answer is (N mod 503) + 1 and does not depend on scheduling, so it is the
same with `--workers 1` and with all workers. After the answer, a None
sentinel goes once round the ring so every tasklet returns.

usage: weft examples/ring.py [N]      (default 100000; also runs on pypy3)
"""
import sys

import stackless

RING_SIZE = 503


def member(ident, inbox, outbox, done):
    while True:
        token = inbox.receive()
        if token is None:          # shutdown sentinel: pass it on and stop
            outbox.send(None)
            return
        if token == 0:
            done.send(ident)
            outbox.send(None)      # start the shutdown round
            inbox.receive()        # ...which ends back here
            return
        outbox.send(token - 1)


def thread_ring(n, size=RING_SIZE):
    channels = [stackless.channel() for _ in range(size)]
    done = stackless.channel()
    for i in range(size):
        stackless.tasklet(member)(i + 1, channels[i], channels[(i + 1) % size], done)
    channels[0].send(n)
    return done.receive()


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    print(thread_ring(n))


if __name__ == "__main__":
    main()
