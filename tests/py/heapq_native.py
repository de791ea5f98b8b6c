# heapq's native core (as CPython's _heapq): order of results, ties,
# tuples, custom __lt__, the errors, and a comparison that mutates the heap.
import heapq, random
random.seed(7)
xs = [random.randrange(1000) for _ in range(500)]
h = []
for x in xs:
    heapq.heappush(h, x)
print(h[:10], [heapq.heappop(h) for _ in range(10)], len(h))
ys = xs[:]
heapq.heapify(ys)
print(ys[:10], heapq.heapreplace(ys, 999), heapq.heappushpop(ys, -1), heapq.heappushpop(ys, 5000), ys[:5])
print(heapq.nsmallest(5, xs), heapq.nlargest(3, xs), list(heapq.merge([1, 4, 9], [2, 3, 10])))
pq = []
for i, w in enumerate("pear fig apple fig kiwi".split()):
    heapq.heappush(pq, (len(w), w, i))
print([heapq.heappop(pq) for _ in range(len(pq))])
class Task:
    def __init__(self, p, name):
        self.p, self.name = p, name
    def __lt__(self, other):
        return self.p > other.p          # a max-heap by priority
tq = [Task(p, "t%d" % p) for p in [3, 9, 1, 7]]
heapq.heapify(tq)
print([heapq.heappop(tq).name for _ in range(4)])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1), lambda: heapq.heapify({}), lambda: heapq.heappush([1, "a"], 2)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(heapq.heappushpop([], 3))
class Evil:
    def __init__(self, v, heap):
        self.v, self.heap = v, heap
    def __lt__(self, other):
        self.heap.clear()
        return True
heap = []
heap.extend([Evil(1, heap), Evil(2, heap), Evil(3, heap)])
try:
    heapq.heappush(heap, Evil(0, heap))
except RuntimeError as e:
    print("RuntimeError:", e)
class MyList(list):
    pass
ml = MyList([5, 2, 8])
heapq.heapify(ml)
print(ml, type(ml).__name__)
