from itertools import *
import itertools, operator
print(list(islice(count(), 5)), list(islice(count(10, 2), 3)), count(5), count(1.5, 0.5), repeat('a', 3), repeat(1))
print(list(islice(cycle('abc'), 7)), list(repeat(1, 3)), list(repeat(1, -1)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['ab', 'cd'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print([k for k, g in groupby('AAAABBBCCDAABBB')], [list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
gs = list(groupby('aabb')); print([(k, list(g)) for k, g in gs])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
it = iter(range(10)); print(list(islice(it, 5, 3)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee('xyz', 3); next(a); print(list(a), list(b), list(c))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(product('ab', range(2))), list(product(range(2), repeat=3))[:4], list(product()))
print(list(permutations('ABC', 2)), len(list(permutations(range(4)))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('AB', 3)))
print(list(combinations_with_replacement('ABC', 2)))
print(list(pairwise('ABCDE')), list(pairwise('A')))
try:
    islice('a', -1)
except ValueError as e: print(e)
import operator as op
print(op.itemgetter(1)([1, 2]), op.itemgetter(0, 2)('abc'), op.attrgetter('real')(3), op.methodcaller('upper')('x'))
print(op.itemgetter(1), op.attrgetter('a', 'b'), op.methodcaller('f', 1, k=2))
class A: pass
o = A(); o.b = A(); o.b.c = 5; print(op.attrgetter('b.c')(o))
print(op.add(1, 2), op.sub(5, 3), op.mul(2, 3), op.truediv(1, 2), op.floordiv(7, 2), op.mod(7, 3), op.neg(3), op.eq(1, 1), op.lt(1, 2), op.not_(0), op.index(5), op.contains([1], 1), op.getitem([5], 0), op.pow(2, 10), op.xor(5, 3), op.and_(6, 3), op.or_(4, 1), op.truth([]))
l = [1, 2]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.concat([1], [2]), op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'), op.iadd([1], [2]), op.length_hint(iter([1,2,3])))
import heapq
h = []
for x in [5, 1, 8, 3, 9, 2]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(len(h))])
h = [9, 5, 4, 1, 7, 3]; heapq.heapify(h); print(h, heapq.heapreplace(h, 6), heapq.heappushpop(h, 0), h)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(2, [5, 1, 8, 3, 9, 2]), heapq.nlargest(2, ['aa', 'b', 'cccc'], key=len), heapq.nsmallest(2, ['aa', 'b', 'cccc', 'd'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(['a', 'bbb'], ['cc'], key=len)), list(heapq.merge([7, 4], [5, 1], reverse=True)))
import bisect
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 4, 3))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
