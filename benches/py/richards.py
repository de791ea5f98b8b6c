# Method-call-heavy objects: a compact scheduler simulation in the spirit of Richards.
class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst

class Task:
    def __init__(self, ident, priority, work):
        self.ident = ident
        self.priority = priority
        self.queue = None
        self.work = work
        self.count = 0

    def add(self, packet):
        self.queue = packet.append_to(self.queue)

    def step(self):
        p = self.queue
        if p is None:
            return 0
        self.queue = p.link
        self.count += 1
        return self.work.process(p)

class Worker:
    def __init__(self):
        self.total = 0

    def process(self, packet):
        packet.datum = (packet.datum + 1) % 26
        for i in range(4):
            packet.data[i] = packet.datum + i
        self.total += packet.data[3]
        return packet.datum

class Scheduler:
    def __init__(self, n):
        self.tasks = [Task(i, i % 5, Worker()) for i in range(n)]

    def run(self, rounds):
        acc = 0
        for r in range(rounds):
            for t in self.tasks:
                t.add(Packet(None, r, t.ident))
                acc += t.step()
        return acc

s = Scheduler(10)
print(s.run(40000), sum(t.count for t in s.tasks))
