"""Ping-pong: two tasklets bounce a counter N times over two channels;
prints the final value (N). usage: pingpong.py [N]  (default 1000000)"""
import sys
import stackless


def ping(n, out, back, done):
    v = 0
    for _ in range(n):
        out.send(v)
        v = back.receive()
    out.send(None)
    done.send(v)


def pong(inbox, back):
    while True:
        v = inbox.receive()
        if v is None:
            return
        back.send(v + 1)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
a, b, done = stackless.channel(), stackless.channel(), stackless.channel()
stackless.tasklet(ping)(n, a, b, done)
stackless.tasklet(pong)(a, b)
print(done.receive())
