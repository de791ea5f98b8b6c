# ExceptionGroup / BaseExceptionGroup (construction rules, split, subgroup, repr) and
# asyncio.TaskGroup (results, first failure cancels the rest, ExceptionGroup)
import asyncio
async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print("done", name)
    return name
async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 0.02))
        t2 = tg.create_task(work("b", 0.01))
    print("results", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("ok", 0.001))
            tg.create_task(work("bad", 0.01, fail=True))
            slow = tg.create_task(work("slow", 1))
    except ExceptionGroup as eg:
        print("group:", eg.message, [str(e) for e in eg.exceptions], slow.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("x", 0.01, fail=True))
            tg.create_task(work("y", 0.01, fail=True))
    except Exception as e:
        print(type(e).__name__, len(e.exceptions))
asyncio.run(main())
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(repr(eg), str(eg))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
try: ExceptionGroup("x", [])
except ValueError as e: print(e)
try: ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e: print(e)
print(type(BaseExceptionGroup("y", [ValueError()])).__name__, type(BaseExceptionGroup("y", [KeyboardInterrupt()])).__name__)
try:
    raise ExceptionGroup("caught by Exception", [OSError("o")])
except Exception as e:
    print("caught", type(e).__name__, e)
