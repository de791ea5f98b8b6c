# async def/await, async for/with, await in comprehensions; asyncio: run, gather,
# tasks, wait_for, wait, as_completed, Lock, Queue, Event, Semaphore, cancel
import asyncio, time

async def fetch(name, delay):
    print(f"start {name}")
    await asyncio.sleep(delay)
    print(f"done {name}")
    return f"{name}:{delay}"

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("boom")

class AsyncCounter:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i

class Res:
    async def __aenter__(self):
        print("aenter"); return self
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None); return False

async def worker(name, q, results):
    while True:
        item = await q.get()
        results.append((name, item * 2))
        q.task_done()

async def main():
    r = await asyncio.gather(fetch("a", 0.03), fetch("b", 0.01), fetch("c", 0.02))
    print(r)
    t = asyncio.create_task(fetch("t", 0.01))
    print(await t, t.done(), t.result())
    try:
        await asyncio.gather(fetch("x", 0.01), failing())
    except ValueError as e:
        print("gather error", e)
    res = await asyncio.gather(failing(), fetch("y", 0), return_exceptions=True)
    print([type(x).__name__ for x in res])
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.02)
    except asyncio.TimeoutError:
        print("timed out")
    async for v in AsyncCounter(3):
        print("v", v)
    async with Res() as rr:
        print("inside", type(rr).__name__)
    try:
        async with Res():
            raise KeyError("k")
    except KeyError:
        print("keyerror passed")
    lock = asyncio.Lock()
    shared = []
    async def inc(i):
        async with lock:
            v = len(shared); await asyncio.sleep(0); shared.append(v)
    await asyncio.gather(*(inc(i) for i in range(5)))
    print(shared)
    q = asyncio.Queue()
    results = []
    ws = [asyncio.create_task(worker(f"w{i}", q, results)) for i in range(2)]
    for i in range(6): q.put_nowait(i)
    await q.join()
    for w in ws: w.cancel()
    await asyncio.gather(*ws, return_exceptions=True)
    print(sorted(x[1] for x in results))
    ev = asyncio.Event()
    async def waiter():
        await ev.wait(); return "woke"
    wt = asyncio.create_task(waiter()); await asyncio.sleep(0); ev.set(); print(await wt)
    done, pending = await asyncio.wait([asyncio.create_task(fetch("w1", 0.01)), asyncio.create_task(fetch("w2", 1.0))], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for p in pending: p.cancel()
    async def quiet(name, delay):
        await asyncio.sleep(delay)
        return name
    # (which task starts first is hash order in CPython: print only results)
    for coro in asyncio.as_completed([quiet("p", 0.02), quiet("q", 0.01)]):
        print("as_completed", await coro)
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            await asyncio.sleep(0.01); return i
    print(await asyncio.gather(*[limited(i) for i in range(4)]))
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try: await task
    except asyncio.CancelledError: print("cancelled", task.cancelled())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 42)
    print(await fut)
    for i in range(3):
        if i == 1: continue
        async for v in AsyncCounter(5):
            if v == 2: break
        print("loop", i, v)
    return "main done"

start = time.time()
print(asyncio.run(main()))
async def sq(x):
    await asyncio.sleep(0)
    return x * x
async def main():
    a = [await sq(i) for i in range(4)]
    b = {i: await sq(i) for i in range(3) if i}
    c = [[await sq(j) for j in range(i)] for i in range(3)]
    d = [i for i in range(3)]
    print(a, b, c, d)
    print(main.__name__, asyncio.iscoroutine(sq(1)))
asyncio.run(main())
async def top():
    return 5
coro = top()
print(type(coro).__name__ in ("coroutine", "generator"))
print(asyncio.run(coro))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(sq(7)))
loop.close()
async def nested():
    async def inner(n):
        if n == 0: return 0
        return n + await inner(n - 1)
    return await inner(50)
print(asyncio.run(nested()))
