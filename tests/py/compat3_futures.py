# concurrent.futures: ThreadPoolExecutor map/submit/as_completed/wait, callbacks,
# exceptions through futures, ProcessPoolExecutor, shutdown
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED
import time
def work(n):
    time.sleep(0.01 * (5 - n))
    return n * n
def boom(x):
    raise ValueError(f"bad {x}")
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(work, range(5))))
    futs = {ex.submit(work, i): i for i in range(5)}
    res = sorted((futs[f], f.result()) for f in as_completed(futs))
    print(res)
    f = ex.submit(boom, 1)
    try: f.result()
    except ValueError as e: print("raised", e, type(f.exception()).__name__)
    done, not_done = wait([ex.submit(work, 1), ex.submit(work, 4)], return_when=concurrent.futures.ALL_COMPLETED)
    print(len(done), len(not_done))
    print(ex.submit(pow, 2, 8).result(), f.done(), f.cancelled())
results = []
def cb(fut): results.append(fut.result())
with concurrent.futures.ThreadPoolExecutor(2) as ex2:
    for i in range(3):
        ex2.submit(work, i).add_done_callback(cb)
print(sorted(results))
with concurrent.futures.ProcessPoolExecutor() as pex:
    print(sum(pex.map(work, [1, 2, 3])))
ex3 = ThreadPoolExecutor(1); ex3.shutdown()
try: ex3.submit(work, 1)
except RuntimeError as e: print(e)
try:
    with ThreadPoolExecutor(2) as ex4:
        list(ex4.map(boom, [1, 2]))
except ValueError as e: print("map raised", e)
