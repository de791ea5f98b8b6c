import threading
import queue

counter = 0
lock = threading.Lock()

def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=add, args=(1000,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter, "alive", any(t.is_alive() for t in threads))

q = queue.Queue()
results = []

def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()

workers = [threading.Thread(target=consumer) for _ in range(3)]
for w in workers:
    w.start()
for i in range(30):
    q.put(i)
for _ in workers:
    q.put(None)
q.join()
for w in workers:
    w.join()
print("results", sorted(results) == [i * 2 for i in range(30)])

ev = threading.Event()
seen = []
def waiter():
    ev.wait()
    seen.append("released")
tw = threading.Thread(target=waiter)
tw.start()
ev.set()
tw.join()
print(seen, ev.is_set())

try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 2]:
    lq.put(x)
    pq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])
rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.acquire()
print("sem nonblocking", sem.acquire(blocking=False))
sem.release(); sem.release()
try:
    sem.release()
except ValueError as e:
    print(e)
print(threading.current_thread().name)
