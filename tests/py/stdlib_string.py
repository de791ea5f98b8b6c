import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords('hello   wORLD  foo'), string.capwords('a-b-c', '-'))
from string import Template
t = Template('$who likes $what, ${who}s cost $$5')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}))
print(t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
try:
    t.substitute(who='x')
except KeyError as e: print('KeyError', e)
try:
    Template('bad $ here').substitute()
except ValueError as e: print('ValueError', e)
print(Template('trail $').safe_substitute(), Template('a ${b c').safe_substitute(), Template('$a$b').substitute(a=1, b=2))
class MyT(Template):
    delimiter = '%'
print(MyT('%x and %%').substitute(x=5))
f = string.Formatter()
print(f.format('{0} {name} {1!r:>5} {{x}} {2[0]} {3.real}', 'a', 'b', [7], 4, name='N'))
print(f.format('{} {}', 1, 2), f.format('{:{w}}|', 'x', w=4))
print(list(f.parse('a{0!r:>3}b{{c}}')))
