print(hasattr(1, '__add__'), (1).__add__(2), int.__add__(1, 2), hasattr(1.0, '__lt__'))
print(int.__module__, float.__module__, str.__module__, ValueError.__module__, object.__module__)
print((5).__sub__(3), (5).__rsub__(3), (2).__pow__(10), (7).__floordiv__(2), (7).__mod__(3))
print((1).__add__(1.5), (1).__add__('x'), (1.5).__add__(1), (1.5).__radd__(2), (3).__truediv__(2))
print((3).__lt__(4), (3).__eq__(3), (3).__eq__('3'), (2.5).__ge__(2), (1).__ne__(2))
print((5).__neg__(), (5).__invert__(), (-5).__abs__(), (-2.5).__abs__(), (2.5).__neg__(), (5).__pos__())
print((6).__and__(3), (6).__or__(3), (6).__xor__(3), (1).__lshift__(4), (16).__rshift__(2))
print(True.__add__(True), int.__mul__(True, 5))
print(sorted([3, 1, 2], key=int.__neg__))
import functools
print(functools.reduce(int.__add__, [1, 2, 3, 4]))
try:
    int.__add__('a', 1)
except TypeError as e:
    print('TypeError', e)
class V:
    def __radd__(self, other):
        return ('radd', other)
print(1 + V(), 1.5 + V())
try:
    1 + 'x'
except TypeError as e:
    print(e)
class I(int):
    pass
print({1: 'x'}.get(I(1), 'missing'), I(1) == 1, hash(I(5)) == hash(5), I(3) in {3}, {I(2): 'a'}[2])
class J(int):
    def __add__(self, o):
        return 'J.add ' + str(int.__add__(self, o))
print(J(2) + 3, 3 + J(2), super(J, J(2)).__add__(5))
class F(float):
    pass
print({1.5: 'f'}.get(F(1.5), 'missing'), F(2.0) == 2)
