# async generators (async for, anext, asend, aclose, break + loop shutdown,
# errors) and async comprehensions
import asyncio
async def ticker(n, delay=0):
    """Counts."""
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
async def squares(src):
    async for x in src:
        yield x * x
async def echo():
    received = None
    try:
        while True:
            received = yield received
    finally:
        print("echo closed")
async def main():
    async for t in ticker(3):
        print("tick", t)
    print("skip-async-comp")
    out = []
    async for s in squares(ticker(4, 0.001)):
        out.append(s)
    print(out)
    g = ticker(2)
    print(type(g).__name__ in ("async_generator", "AsyncGenerator"), ticker.__name__, ticker.__doc__)
    print(await g.__anext__(), await anext(g), await anext(g, "end"))
    e = echo()
    print(await e.asend(None), await e.asend("hi"), await e.asend(42))
    await e.aclose()
    async def limited():
        try:
            for i in range(10):
                yield i
        finally:
            print("cleanup limited")
    async for v in limited():
        if v == 2:
            break
    print("after break")
    async def failing():
        yield 1
        raise ValueError("agen failed")
    try:
        async for v in failing():
            print("got", v)
    except ValueError as ex:
        print("caught", ex)
    async def gen_with_return():
        yield "a"
        return
    print("ok")
asyncio.run(main())
import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
class AIt:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1; return self.i
async def double(x):
    await asyncio.sleep(0); return 2 * x
async def main2():
    print([x async for x in agen(4)])
    print([x * y async for x in agen(3) for y in range(2)])
    print({x: await double(x) async for x in AIt(3) if x != 2})
    print({x % 2 async for x in agen(5)})
    print([[y async for y in agen(x)] for x in range(3)])
    print([x for x in range(3)], [await double(v) for v in [1, 2]])
    async def failing():
        yield 1
        raise KeyError("k")
    try:
        print([x async for x in failing()])
    except KeyError as e:
        print("KeyError", e)
asyncio.run(main2())
