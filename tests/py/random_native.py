# random's native Mersenne Twister: seeded sequences, state round trips
# and bit draws match CPython.
import random
for seed in [0, 1, 12345, -7, 2 ** 100 + 3, "text", b"bytes", 3.5]:
    random.seed(seed)
    print(repr(seed), [round(random.random(), 12) for _ in range(3)], random.getrandbits(7), random.getrandbits(70))
r = random.Random(42)
print(r.randint(1, 10 ** 30), r.randrange(0, 100, 7), r.choice("abcdef"), r.uniform(1, 2))
st = r.getstate()
a = [r.random() for _ in range(700)]      # crosses a regeneration
r.setstate(st)
b = [r.random() for _ in range(700)]
print(a == b, len(st[1]), st[0])
xs = list(range(20)); r.shuffle(xs); print(xs)
print(r.sample(range(1000), 5), r.choices("xyz", k=6), r.getrandbits(0), r.getrandbits(32), r.getrandbits(33))
print(r.randbytes(9).hex(), round(r.gauss(0, 1), 10), round(r.expovariate(2.0), 10))
for bad in [-1]:
    try:
        r.getrandbits(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    r.setstate((3, (1, 2, 3), None))
except ValueError as e:
    print("ValueError:", e)
r2 = random.Random()
r2.setstate(st); print(r2.random() == b[0])
class MyRandom(random.Random):
    def random(self):
        return 0.5
print(MyRandom(1).random(), MyRandom(1).choice([1, 2, 3]))
