# weft-workers: 4
# Many tasklets on all workers share one list, one dict, object attributes
# and channels: single operations are atomic, totals are exact. Also: a
# tasklet spinning forever does not stop the others (preemption).
import stackless

N = 40
shared_list = []
shared_dict = {}
class Box:
    pass
box = Box()
box.items = []
results = stackless.channel()

def worker(i):
    for j in range(500):
        shared_list.append(j)
        shared_dict[(i, j)] = j
        box.items.append(i)
        if j % 100 == 0:
            stackless.schedule()
    results.send(i)

def spinner():
    while True:
        pass

stackless.tasklet(spinner)()
for i in range(N):
    stackless.tasklet(worker)(i)
got = []
for _ in range(N):
    got.append(results.receive())
done = sorted(got)
print("all workers reported:", done == list(range(N)))
print("list total:", len(shared_list), sum(shared_list))
print("dict total:", len(shared_dict), sum(shared_dict.values()))
print("attr list total:", len(box.items))
