"""A pipeline of tasklets connected by channels, with end-of-stream handling.

    producer -> sieve(2) -> sieve(3) -> sieve(5) -> ... -> square -> consumer

The producer sends 2..N-1 down a channel. Each sieve stage keeps the first
number it receives (a prime), reports it, and forwards only the numbers not
divisible by it, spawning the next stage lazily: the classic concurrent prime
sieve, which grows to one tasklet per prime. A `square` stage maps each prime
to (p, p*p) and the consumer folds the stream into a summary.

End of stream: a stage that runs out of input sends StopIteration through
its output channel (`send_exception`), which raises in the receiver, and then
close()s the channel so nothing more can be queued on it; the receiver sees
the exception, ends its loop, and does the same downstream. (weft also lets
you write `for x in ch:`; PyPy's stackless module has no channel iteration,
so this example spells the loop out with `receive_or_end()` to run on
both.)

The result -- how many primes are below N, the largest, the sum of their
squares -- does not depend on scheduling, so `--workers 1` and all workers
print the same.

usage: weft examples/producer_consumer.py [N]   (default 1000; also pypy3 --
PyPy's stackless nests tasklet switches, so it hits its recursion limit
somewhere above N=1000 with one tasklet per prime)
"""
import sys

import stackless


def receive_or_end(ch, default=None):
    """The next item on `ch`, or `default` once the sender ended the stream."""
    try:
        return ch.receive()
    except StopIteration:
        return default


def end_stream(ch):
    ch.send_exception(StopIteration, "end of stream")
    ch.close()
    assert ch.closed


def producer(out, n):
    for i in range(2, n):
        out.send(i)
    end_stream(out)


def sieve(inbox, primes):
    """The first item is a prime: report it, then drop its multiples; the
    survivors go to the next stage, created on the first survivor. The last
    stage ends the prime stream."""
    p = receive_or_end(inbox)
    if p is None:
        end_stream(primes)
        return
    primes.send(p)
    nxt = None
    while True:
        x = receive_or_end(inbox)
        if x is None:
            break
        if x % p:
            if nxt is None:
                nxt = stackless.channel()
                stackless.tasklet(sieve)(nxt, primes)
            nxt.send(x)
    if nxt is None:
        end_stream(primes)
    else:
        end_stream(nxt)


def square(inbox, out):
    while True:
        p = receive_or_end(inbox)
        if p is None:
            break
        out.send((p, p * p))
    end_stream(out)


def consumer(inbox, result):
    count = 0
    largest = 0
    total = 0
    while True:
        item = receive_or_end(inbox)
        if item is None:
            break
        p, sq = item
        count += 1
        largest = max(largest, p)
        total += sq
    result.send((count, largest, total))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    numbers = stackless.channel()
    primes = stackless.channel()
    squares = stackless.channel()
    result = stackless.channel()

    stackless.tasklet(producer)(numbers, n)
    stackless.tasklet(sieve)(numbers, primes)
    stackless.tasklet(square)(primes, squares)
    stackless.tasklet(consumer)(squares, result)

    count, largest, total = result.receive()
    print(f"primes below {n}: {count}, largest {largest}, sum of squares {total}")


if __name__ == "__main__":
    main()
