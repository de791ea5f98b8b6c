# collections.deque: behaviour and error messages (expected output: CPython).
from collections import deque
import collections.abc
import copy


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '->', repr(r))


# construction and maxlen
print(deque(), deque([1, 2, 3]), deque('abc'), deque(range(5), 3), deque([1], maxlen=0))
print(deque(maxlen=2), deque(iterable=[1, 2]), deque([1, 2, 3], maxlen=True))
class I(int):
    pass
class Ix:
    def __index__(self):
        return 2
print(deque([1, 2, 3], maxlen=I(2)))
show('int', lambda: deque(1))
show('maxlen str', lambda: deque([], 'a'))
show('maxlen float', lambda: deque([], 2.0))
show('maxlen index', lambda: deque([], Ix()))
show('maxlen neg', lambda: deque([], -1))
show('maxlen big', lambda: deque([], 2 ** 70))
show('3 args', lambda: deque([], 1, 2))
show('3 kw', lambda: deque(iterable=[], maxlen=1, x=2))
show('bad kw', lambda: deque(foo=1))
show('dup', lambda: deque([1], iterable=[2]))
show('maxlen None', lambda: deque(maxlen=None).maxlen)
d = deque([1, 2], 5)
print(d.maxlen, deque().maxlen)
show('set maxlen', lambda: setattr(d, 'maxlen', 3))

# append / pop family
d = deque()
d.append(1); d.append(2); d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
show('pop empty', lambda: deque().pop())
show('popleft empty', lambda: deque().popleft())
show('append 0', lambda: d.append())
show('append 2', lambda: d.append(1, 2))
show('pop 1', lambda: d.pop(1))
show('append kw', lambda: d.append(x=1))
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d)
d.appendleft(9)
print(d)
z = deque(maxlen=0)
z.append(1); z.extend([1, 2]); z.appendleft(3)
print(z, len(z))

# extend
d = deque([1])
d.extend([2, 3]); d.extend((4,)); d.extend(x for x in 'ab'); d.extendleft('xy')
print(d)
d = deque([1, 2]); d.extend(d); print(d)
d = deque([1, 2]); d.extendleft(d); print(d)
d = deque([1, 2], maxlen=3); d.extend(range(10)); print(d)
d = deque([1, 2], maxlen=3); d.extendleft(range(10)); print(d)
show('extend int', lambda: deque().extend(1))
def gen():
    yield 1
    yield 2
    raise ValueError('boom')
d = deque()
show('extend raising', lambda: d.extend(gen()))
print(d)
seen = []
d = deque()
def watcher():
    for i in range(3):
        seen.append(len(d))
        yield i
d.extend(watcher())
print(seen, d)

# clear / copy / count / index / insert / remove / reverse / rotate
d = deque([1, 2, 3, 2, 1])
print(d.count(2), d.count(9), d.index(2), d.index(2, 2), d.index(1, -2), d.index(3, 0, 3))
show('index missing', lambda: d.index(9))
show('index range', lambda: d.index(3, 0, 2))
show('index str', lambda: d.index(1, 'a'))
show('index None', lambda: d.index(1, None))
show('index 0', lambda: d.index())
show('index 4', lambda: d.index(1, 0, 1, 2))
show('count 0', lambda: d.count())
print(d.index(1, Ix()), d.index(1, -100, 100), d.index(1, 2 ** 70 * -1))
c = d.copy()
c.clear()
print(c, d, d.copy() == d, d.copy() is d, d.__copy__())
d.insert(0, 'a'); d.insert(100, 'z'); d.insert(-1, 'y'); d.insert(-100, 'b'); d.insert(2, 'm')
print(d)
show('insert str', lambda: d.insert('a', 1))
show('insert 1', lambda: d.insert(1))
show('insert big', lambda: d.insert(2 ** 70, 1))
full = deque([1, 2], maxlen=2)
show('insert full', lambda: full.insert(0, 5))
d = deque([1, 2], maxlen=3); d.insert(-1, 9); print(d)
d = deque([1, 2, 3, 2])
d.remove(2); print(d)
show('remove missing', lambda: d.remove(9))
d.reverse(); print(d)
d = deque(range(7))
d.rotate(); print(d)
d.rotate(-3); print(d)
d.rotate(15); print(d)
d.rotate(Ix()); print(d)
d.rotate(0); print(d)
show('rotate str', lambda: d.rotate('x'))
show('rotate float', lambda: d.rotate(1.5))
show('rotate 2', lambda: d.rotate(1, 2))
show('rotate big', lambda: d.rotate(2 ** 70))
e = deque(); e.rotate(5); print(e)

# len, bool, in, iteration
d = deque([1, 2, 3])
print(len(d), bool(d), bool(deque()), 2 in d, 9 in d, list(d), list(reversed(d)), [x for x in d])
print(sum(d), max(d), sorted(deque([3, 1, 2])), tuple(d), list(iter(d)))
it = iter(d)
print(next(it), it.__length_hint__())
d.append(4)
show('mutated next', lambda: next(it))
show('then', lambda: next(it))
it = reversed(d)
next(it)
d.popleft()
show('mutated reversed', lambda: next(it))
d = deque([1, 2, 3])
it = iter(d)
next(it)
d.reverse()
d[0] = 'x'
print(list(it))
def loop():
    d = deque([1, 2, 3])
    for x in d:
        d.append(x)
show('for mutated', loop)
d = deque([1, 2, 3])
it = iter(d)
for x in it:
    pass
d.append(1)
show('exhausted then mutated', lambda: next(it))

# indexing
d = deque('abcde')
print(d[0], d[-1], d[2], d[-5], d[True], d[Ix()])
show('index out', lambda: d[5])
show('index neg out', lambda: d[-6])
show('index str', lambda: d['a'])
show('index float', lambda: d[1.0])
show('index slice', lambda: d[1:2])
show('index big', lambda: d[2 ** 70])
show('empty index', lambda: deque()[0])
d[0] = 'A'; d[-1] = 'E'
print(d)
def setbad():
    d[5] = 1
show('set out', setbad)
def setslice():
    d[1:2] = [1]
show('set slice', setslice)
del d[1]; del d[-1]
print(d)
def delbad():
    del d[9]
show('del out', delbad)

# equality calling Python __eq__ and mutation during it
class E:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        self.d.append(1)
        return False
for m in ('remove', 'count', 'index', '__contains__'):
    d = deque([1, 2, 3])
    show(m + ' mutating', lambda: getattr(d, m)(E(d)))
class Always:
    def __eq__(self, other):
        return True
print(deque([1, 2]).count(Always()), Always() in deque([5]), deque([5, 6]).index(Always()))
class Clearer:
    def __eq__(self, other):
        d.clear()
        return False
d = deque([1, 2, 3])
show('remove clearing', lambda: d.remove(Clearer()))
print(d)
class Bad:
    def __eq__(self, other):
        raise KeyError('eq')
show('count raising', lambda: deque([1]).count(Bad()))
nan = float('nan')
print(deque([nan]).count(nan), nan in deque([nan]), deque([nan]) == deque([nan]))

# comparisons
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == deque([1, 2, 3]), a == [1, 2, 3], a != [1, 2, 3], deque() == deque(), deque([1]) < deque([1, 2]))
print(deque([1, 2]) > deque([1]), deque([1, 2]) >= deque([1, 2]), deque([2]) > deque([1, 9]), a == a, a < a)
print(deque([1], maxlen=5) == deque([1]))
show('lt list', lambda: a < [1])
show('lt int', lambda: a >= 3)
show('mixed', lambda: deque([1]) < deque(['a']))
print([deque([1])] == [deque([1])], (deque([1]),) == (deque([2]),), {1: deque([1])} == {1: deque([1])})

# + += * *=
print(deque([1]) + deque([2, 3]), deque([1, 2], maxlen=2) + deque([3]))
show('add list', lambda: deque([1]) + [2])
show('radd list', lambda: [2] + deque([1]))
d = deque([1]); d += [2, 3]; d += (4,); d += 'ab'; print(d)
d = deque([1]); d += d; print(d)
print(deque([1, 2]) * 3, 3 * deque([1]), deque([1, 2]) * 0, deque([1, 2]) * -1, deque([1]) * Ix())
print(deque([1, 2], maxlen=3) * 2, deque([7], maxlen=3) * 10)
d = deque([1, 2], maxlen=5); d *= 4; print(d)
d = deque([1, 2]); d *= 0; print(d)
d = deque([1]); d *= 3; print(d)
show('mul str', lambda: deque([1]) * 'a')
show('rmul str', lambda: 'a' * deque([1]))
show('mul float', lambda: deque([1]) * 2.5)
show('rmul float', lambda: 2.5 * deque([1]))
show('mul big', lambda: deque([1]) * 2 ** 70)
def imul_str():
    d = deque([1])
    d *= 'a'
show('imul str', imul_str)
class R:
    def __rmul__(self, other):
        return 'R.__rmul__'
print(deque([1]) * R())

# repr, hash
d = deque([1, 'a', None])
print(repr(d), str(d), f'{d}', repr(deque(maxlen=2)))
d = deque(); d.append(d); print(d)
d = deque([1]); l = [d]; d.append(l); print(d, l)
show('hash', lambda: hash(deque()))
show('set of deque', lambda: {deque()})
show('dict key', lambda: {deque(): 1})
print(deque.__hash__, deque.__name__, deque.__qualname__, deque.__module__, deque)

# copy / deepcopy / __reduce__
d = deque([1, [2]], maxlen=4)
c = copy.copy(d); dc = copy.deepcopy(d)
print(c, dc, c[1] is d[1], dc[1] is d[1], dc.maxlen)
r = d.__reduce__()
print(r[0], r[1], r[2], list(r[3]))
print(deque([1]).__reduce__()[:3])
d = deque(); d.append(d)
dd = copy.deepcopy(d)
print(dd, dd[0] is dd)

# __class_getitem__
print(deque[int], deque[int]([1, 2]), deque[int] == deque[int])

# subclassing
class D(deque):
    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.extra = 'x'
    def total(self):
        return sum(self)
x = D([1, 2, 3], 5)
print(x, x.total(), x.extra, len(x), x.maxlen, isinstance(x, deque), type(x).__name__)
x.append(4); x.appendleft(0)
print(x, x[0], x == deque([0, 1, 2, 3, 4]), x.pop())
y = x.copy()
print(type(y).__name__, y, y.extra, type(x + deque([9])).__name__, type(x * 2).__name__)
cy = copy.copy(x)
print(type(cy).__name__, cy, cy.extra)
dy = copy.deepcopy(x)
print(type(dy).__name__, dy, dy.extra)
print(x.__reduce__()[:3])
class Plain(deque):
    pass
p = Plain('ab')
print(p, repr(Plain()), Plain([1], 2), copy.copy(p), p.__reduce__()[:3])
class Named(deque):
    def __repr__(self):
        return 'Named!'
print(Named([1]), [Named()])
class Hashy(deque):
    def __hash__(self):
        return 42
print(hash(Hashy()))
show('hash sub', lambda: hash(Plain()))
class Odd(deque):
    def __init__(self):
        super().__init__()
show('odd copy', lambda: Odd().copy())
show('bad new', lambda: deque.__new__(int))
show('descr', lambda: deque.append(1, 2))
show('layout', lambda: type('X', (deque, list), {}))
print(isinstance(deque(), collections.abc.MutableSequence), isinstance(deque(), collections.abc.Sequence))

# re-init
d = deque([1, 2, 3])
d.__init__([9], 2)
print(d)
d.__init__()
print(d, d.maxlen)

# threads: each single operation is atomic
import threading
d = deque()
def producer(n):
    for i in range(n):
        d.append(i)
ts = [threading.Thread(target=producer, args=(2000,)) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(d), sum(d))
got = []
def consumer():
    while True:
        try:
            got.append(d.popleft())
        except IndexError:
            return
ts = [threading.Thread(target=consumer) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(got), sum(got), len(d))

# self-containing deques compared
a = deque(); a.append(a); b = deque(); b.append(b)
show('recursive eq', lambda: a == b)
print(a < a, a == a, a != a)
