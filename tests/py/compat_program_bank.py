import sys
class Account:
    interest = 0.02
    _next_id = 1
    def __init__(self, owner, balance=0.0):
        self.owner = owner; self.balance = balance
        self.id = Account._next_id; Account._next_id += 1
        self.history = []
    def deposit(self, amt):
        if amt <= 0: raise ValueError(f"Invalid amount: {amt!r}")
        self.balance += amt; self.history.append(("dep", amt)); return self
    def withdraw(self, amt):
        if amt > self.balance: raise InsufficientFunds(self.balance, amt)
        self.balance -= amt; self.history.append(("wd", amt)); return self
    def __str__(self): return f"#{self.id} {self.owner:<6} {self.balance:>10,.2f}"
    def __repr__(self): return f"Account({self.owner!r}, {self.balance!r})"
    def __lt__(self, other): return self.balance < other.balance
class InsufficientFunds(Exception):
    def __init__(self, have, need):
        super().__init__(f"need {need}, have {have}")
        self.have, self.need = have, need
accts = [Account("ann", 100), Account("bob"), Account("cy", 2500.5)]
accts[1].deposit(50).deposit(25.25)
try: accts[0].withdraw(500)
except InsufficientFunds as e: print("Error:", e, e.args, e.need - e.have)
try: accts[0].deposit(-5)
except ValueError as e: print("Error:", e)
for a in sorted(accts, reverse=True): print(a)
print(repr(accts[1]), accts[1].history, max(accts).owner, sum(a.balance for a in accts))
print("%-10s|%8.3f|%+d" % ("name", 3.14159, 42), "{:^9}".format("mid"), "{0!r:>8}".format("r"))
total = 0
for i, a in enumerate(accts, 1):
    total += a.balance
    print(f"{i:02d}. {a.owner.title():.<10}{a.balance:.>12.2f}")
print(f"Total: {total:,.2f} avg {total/len(accts):.3f}")
inventory = {"apple": 3, "pear": 0, "kiwi": 12}
low = {k: v for k, v in inventory.items() if v < 5}
print(low, sorted(inventory, key=inventory.get), list(inventory.items())[-1], inventory.pop("pear"), inventory)
words = "the quick brown the lazy the end".split()
counts = {}
for w in words: counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda x: x[1], reverse=True)[:2])
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
for row in matrix: print(" ".join(f"{x:3d}" for x in row))
print([row[::-1] for row in matrix][::-1], sum(map(sum, matrix)), [list(col) for col in zip(*matrix)][0])
s = "Hello, World"
print(s[::2], s[-5:], s[:-7], s.swapcase(), s.count("l"), s.find("z"), "".join(c for c in s if c.isalpha()).lower())
print(ord("A"), chr(97), [ord(c) - 96 for c in "abc"], "".join(chr((ord(c) - 97 + 3) % 26 + 97) for c in "xyz"))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1; steps += 1
    return steps
print([collatz(i) for i in range(1, 11)], max(range(1, 1000), key=collatz))
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), len(str(fact(100))), sum(int(d) for d in str(2 ** 100)))
print(bin(42)[2:].zfill(8), int("101010", 2), f"{42:o}", hex(3735928559).upper(), 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
x = 5
def scope_test():
    x = 10
    def inner():
        nonlocal x
        x += 1
        return x
    return inner()
print(scope_test(), x)
print(list(filter(lambda p: all(p % d for d in range(2, int(p ** .5) + 1)), range(2, 30))))
data = [("b", 2), ("a", 2), ("c", 1)]
data.sort(key=lambda t: t[1]); print(data)
print(sorted(data, key=lambda t: (-t[1], t[0])), sorted("bca"), sorted([True, False]), sorted([[2, 1], [1, 2], [1]]))
import random
random.seed(42); print(random.randint(1, 100), random.choice("abc"), random.random(), random.sample(range(10), 3))
lst = list(range(10)); random.shuffle(lst); print(lst, random.uniform(1, 2), random.choices("ab", k=3))
print(sys.getsizeof(1) > 0, isinstance(sys.maxsize, int), sys.version_info.major)
