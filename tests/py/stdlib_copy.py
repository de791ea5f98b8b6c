import copy
from collections import defaultdict, Counter, OrderedDict, deque, namedtuple
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(99); a[2]['k'].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, [2]); tc = copy.deepcopy(t); print(tc, tc[1] is t[1], copy.copy(t) is t, copy.deepcopy((1, 2)) == (1, 2))
s = {1, 2}; print(copy.copy(s) == s, copy.copy(s) is s)
class P:
    def __init__(self, x, items): self.x = x; self.items = items
    def __repr__(self): return 'P(%r, %r)' % (self.x, self.items)
p = P(1, [1, 2]); p2 = copy.copy(p); p3 = copy.deepcopy(p)
p.items.append(3)
print(p2, p3, p2.items is p.items, p3.items is p.items, type(p3).__name__)
class WithHooks:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print('__copy__ called'); return WithHooks(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__); return WithHooks(copy.deepcopy(self.v, memo))
w = WithHooks([1]); print(copy.copy(w).v, copy.deepcopy(w).v is w.v)
r = [1]; r.append(r); r2 = copy.deepcopy(r); print(r2[1] is r2, r2[0])
shared = [0]; pair = [shared, shared]; pc = copy.deepcopy(pair); print(pc[0] is pc[1], pc[0] is shared)
dd = defaultdict(list, {'a': [1]}); dd2 = copy.deepcopy(dd); dd2['a'].append(2); dd2['b']
print(dd, dd2, copy.copy(dd))
print(copy.deepcopy(Counter('aab')), copy.copy(OrderedDict(a=1)), copy.deepcopy(deque([[1]], maxlen=3)))
Pt = namedtuple('Pt', 'x y'); pt = Pt([1], 2); ptc = copy.deepcopy(pt); print(ptc, ptc.x is pt.x, copy.copy(pt) == pt)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
sc = copy.deepcopy(S()); print(sc.a, sc.b)
class L(list):
    pass
l = L([1, [2]]); l.tag = 'x'; lc = copy.deepcopy(l); print(type(lc).__name__, lc, lc.tag, lc[1] is l[1])
class St:
    def __init__(self): self.v = 1
    def __getstate__(self): return {'v': self.v * 10}
    def __setstate__(self, st): self.v = st['v'] + 1
print(copy.copy(St()).v, copy.deepcopy(St()).v)
print(copy.copy(len) is len, copy.deepcopy(P) is P, copy.deepcopy(None), copy.copy(3.5))
