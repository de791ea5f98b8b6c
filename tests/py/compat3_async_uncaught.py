# an exception escaping asyncio.run: traceback on stderr, exit status 1
import asyncio


async def step(n):
    await asyncio.sleep(0)
    if n == 0:
        raise RuntimeError("uncaught in task")
    return await step(n - 1)


async def main():
    print("start")
    await step(2)
    print("never")

asyncio.run(main())
