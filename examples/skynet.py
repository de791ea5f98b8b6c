"""Skynet: a 10-ary tree of tasklets.

The root tasklet spawns 10 children, each of which spawns 10 more, down to
1,000,000 leaves (1,111,111 tasklets in all). Leaf k sends its number k on
its parent's channel; each parent receives from its 10 children, adds the
values up and sends the sum to its own parent. The root prints the sum of
0..999,999 = 499999500000.

Addition is order-independent, so the result is the same whatever order the
scheduler runs the tasklets in (`--workers 1` or all workers).

usage: weft examples/skynet.py [LEAVES]   (a power of 10; default 1000000)
"""
import sys

import stackless


def skynet(out, num, size, div):
    if size == 1:
        out.send(num)
        return
    ch = stackless.channel()
    step = size // div
    for i in range(div):
        stackless.tasklet(skynet)(ch, num + i * step, step, div)
    total = 0
    for _ in range(div):
        total += ch.receive()
    out.send(total)


def main():
    leaves = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    root = stackless.channel()
    stackless.tasklet(skynet)(root, 0, leaves, 10)
    result = root.receive()
    assert result == leaves * (leaves - 1) // 2, result
    print(result)


if __name__ == "__main__":
    main()
