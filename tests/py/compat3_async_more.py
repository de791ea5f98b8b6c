# async with (return, exceptions, suppression, several managers), async for with
# break/continue/else, async methods, await in f-strings and comprehensions, await 5
import asyncio
class CM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("enter", self.name); await asyncio.sleep(0); return self.name
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None); await asyncio.sleep(0)
        return et is KeyError
class Svc:
    def __init__(self): self.calls = 0
    async def get(self, k):
        self.calls += 1
        await asyncio.sleep(0)
        if k < 0: raise ValueError(f"neg {k}")
        return k * 10
    @classmethod
    async def build(cls): return cls()
    @staticmethod
    async def helper(): return "static"
async def early_return():
    async with CM("r") as n:
        return f"returned from {n}"
async def gen_items():
    for i in range(5):
        await asyncio.sleep(0)
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 5: raise StopAsyncIteration
        return self.i
async def main():
    print(await early_return())
    async with CM("a") as a, CM("b") as b:
        print("body", a, b)
    async with CM("k"):
        raise KeyError("swallowed")
    try:
        async with CM("v"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    total = 0
    async for v in AIt():
        if v == 2: continue
        if v == 4: break
        total += v
    else:
        print("no break")
    print("total", total)
    async for v in AIt():
        pass
    else:
        print("loop else ran", v)
    s = await Svc.build()
    print(await s.get(2), await Svc.helper(), s.calls)
    try:
        await s.get(-1)
    except ValueError as e:
        print("err", e)
    results = await asyncio.gather(*(s.get(i) for i in range(3)))
    print(results, s.calls)
    try:
        await 5
    except TypeError as e:
        print("TypeError")
    x = f"{await s.get(7)}"
    print(x, [await s.get(i) for i in range(2)])
    async def inner():
        async def deeper():
            await asyncio.sleep(0.001)
            return "deep"
        return await deeper()
    print(await inner())
    t = asyncio.create_task(s.get(1))
    print(t.done(), await t, t.done())
    return "ok"
print(asyncio.run(main()))
print(asyncio.run(Svc.helper()))
