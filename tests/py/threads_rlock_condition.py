# weft-workers: 2
import threading
lock = threading.RLock()
cond = threading.Condition()
total = 0
def work(n):
    global total
    for _ in range(n):
        with lock:
            with lock:
                v = total
                total = v + 1
threads = [threading.Thread(target=work, args=(20000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(total)
items = []
def producer():
    for i in range(100):
        with cond:
            items.append(i)
            cond.notify()
def consumer(out):
    got = 0
    while got < 100:
        with cond:
            while not items:
                cond.wait()
            items.pop()
            got += 1
    out.append(got)
out = []
c = threading.Thread(target=consumer, args=(out,)); c.start()
p = threading.Thread(target=producer); p.start()
p.join(); c.join()
print(out)
