# json's native accelerator (_json) must give CPython's exact results:
# dumps/loads across options, edge cases and error messages.
import json
from collections import OrderedDict
from enum import IntEnum


def show(label, f):
    try:
        r = f()
    except Exception as e:
        extra = ''
        if isinstance(e, json.JSONDecodeError):
            extra = ' msg=%r pos=%r lineno=%r colno=%r doc=%r' % (e.msg, e.pos, e.lineno, e.colno, e.doc[:30])
        print(label, '->', type(e).__name__, e, extra)
    else:
        print(label, '->', repr(r))


# ---- dumps: scalars and floats
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e15, 123456789.125, 1e-4, 1e-5, 5e-324,
          1.7976931348623157e308, 2.5e-7, 1e22, 0.30000000000000004, 100.0, 3.14159,
          123456789012345678.0, -9.87654321e-10, 1/3, 2/3]
print(json.dumps(floats))
print(json.dumps([float('nan'), float('inf'), float('-inf')]))
print(json.dumps([i * 1.5 for i in range(-5, 30)]))
print(json.dumps([i / 7 for i in range(1, 40)]))
print(json.dumps([10 ** k for k in range(0, 30, 3)] + [-(2 ** 63), 2 ** 63, -(2 ** 64) + 1]))
print(json.dumps([True, False, None, 0, -0, 1, -1, '']))
for v in [1, 'x', None, True, 2.5, [], {}, (), 10 ** 40]:
    print(json.dumps(v), json.dumps(v, indent=2), json.dumps(v, sort_keys=True))

# ---- dumps: strings
strs = ['plain', 'q"b\\s/', '\b\f\n\r\t', '\x00\x01\x1f\x7f\x80', 'caf\u00e9', '\u2028\u2029',
        '\U0001F600 \U00010000 \U0010FFFF', '\uffff\ufffe', 'mixed "é" \t \U0001F4A9 end', '']
for s in strs:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False), json.dumps([s]), json.dumps({s: s}, ensure_ascii=False))
print(getattr(json, 'encoder', json).encode_basestring('a"\n\u00e9'), getattr(json, 'encoder', json).encode_basestring_ascii('a"\n\u00e9'))

# ---- dumps: containers and options
data = {'name': 'weft', 'tags': ['a', 'b'], 'n': 3, 'pi': 3.14159, 'ok': True, 'none': None,
        'nested': {'x': [1, 2, {'y': []}], 'e': {}, 't': (1, (2, 3))}, 'u': 'caf\u00e9 \U0001F600'}
for kw in [{}, {'indent': 2}, {'indent': 0}, {'indent': '\t'}, {'indent': '--'}, {'indent': -1},
           {'separators': (',', ':')}, {'separators': (' , ', ' : '), 'indent': 1},
           {'sort_keys': True}, {'sort_keys': True, 'indent': 3}, {'ensure_ascii': False},
           {'check_circular': False}, {'allow_nan': False}, {'skipkeys': True}]:
    print(kw, json.dumps(data, **kw))
print(json.dumps([[], {}, [[]], [{}], {'a': {}}, {'a': []}], indent=2))
print(json.dumps({3: 'int', 1.5: 'f', True: 't', False: 'F', None: 'n', -7: 'neg', 10 ** 20: 'big',
                  float('inf'): 'inf', float('nan'): 'nan', 2.0: 'two', -0.0: 'mz'}))
print(json.dumps({3: 'a', 1: 'b', 2: 'c', True: 'd'}, sort_keys=True))
print(json.dumps({3.5: 'a', 1.25: 'b', -2.0: 'c'}, sort_keys=True))
print(json.dumps({'b': 1, 'a': 2, '\u00e9': 3, 'Z': 4, '': 5, '\U0001F600': 6, '\uffff': 7}, sort_keys=True))
print(json.dumps({None: 1}, sort_keys=True), json.dumps({(1, 2): 1}, sort_keys=True, skipkeys=True))
show('sort mixed', lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
show('sort None', lambda: json.dumps({None: 1, 'b': 2}, sort_keys=True))
print(json.dumps({(1, 2): 3, 'k': 1, frozenset(): 2, 'z': 0}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps({(1, 2): 3}, skipkeys=True, indent=2))
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])), json.dumps(OrderedDict([('z', 1), ('a', 2)]), sort_keys=True))


class Point:
    x, y = 1.0, 2.0


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'

    def __str__(self):
        return 'MyInt!'


class MyStr(str):
    def __repr__(self):
        return 'MyStr!'


class Color(IntEnum):
    RED = 1
    GREEN = 2


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyFloat(float):
    pass


print(json.dumps([MyInt(5), MyStr('s"x'), Color.GREEN, MyList([1, 2]), MyDict(a=1), MyFloat(2.5),
                  {MyInt(7): 1, MyStr('k'): 2, Color.RED: 3}]))
print(json.dumps(MyDict(b=1, a=2), sort_keys=True, indent=1))

# ---- dumps: errors
show('object', lambda: json.dumps(object()))
show('set', lambda: json.dumps({1, 2}))
show('bytes', lambda: json.dumps([1, b'x']))
show('nested bad', lambda: json.dumps({'a': [1, {'b': Point()}]}))
show('bad key', lambda: json.dumps({(1, 2): 3}))
show('bad key 2', lambda: json.dumps({'a': {b'k': 3}}))
show('nan', lambda: json.dumps(float('nan'), allow_nan=False))
show('inf in list', lambda: json.dumps([1, float('inf')], allow_nan=False))
show('-inf key', lambda: json.dumps({float('-inf'): 1}, allow_nan=False))
show('nan indent', lambda: json.dumps([1, float('nan')], allow_nan=False, indent=1))
show('-inf key indent', lambda: json.dumps({float('-inf'): 1}, allow_nan=False, indent=1))
a = []
a.append(a)
show('circular list', lambda: json.dumps(a))
d = {}
d['self'] = d
show('circular dict', lambda: json.dumps(d))
show('circular deep', lambda: json.dumps([{'x': [d]}]))
shared = [1, 2]
print(json.dumps([shared, shared, {'a': shared}]))
show('default', lambda: json.dumps({'s': {3, 1}, 'l': [1]}, default=sorted))
show('default indent', lambda: json.dumps([{2, 1}], default=sorted, indent=1, sort_keys=True))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)


class Chunky(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield chunk.upper()


show('cls default', lambda: json.dumps({'c': Point(), 'n': [1.5]}, cls=Enc))
show('cls bad', lambda: json.dumps({'c': object()}, cls=Enc))
show('cls iterencode', lambda: json.dumps({'abc': ['def', 1.5, None]}, cls=Chunky))
show('encoder obj', lambda: json.JSONEncoder(sort_keys=True, indent=1).encode({'b': [1], 'a': 'x'}))
show('encode str', lambda: json.JSONEncoder(ensure_ascii=False).encode('\u00e9"'))
show('bad indent', lambda: json.dumps([1], indent=1.5))
nested = []
cur = nested
for i in range(300):
    new = [i]
    cur.append(new)
    cur = new
print(len(json.dumps(nested)), len(json.dumps(nested, indent=1)), json.dumps(nested)[:20])

# ---- loads: values
docs = ['0', '-0', '1', '-1', '12345678901234567', '123456789012345678', '-123456789012345678',
        '1234567890123456789012345', '-99999999999999999999', '1.5', '-0.0', '1e5', '1E-5', '1.25e+3',
        '2.5E3', '1e400', '-1e400', '0.1', '3.141592653589793', '5e-324', '1.7976931348623157e308',
        'true', 'false', 'null', 'NaN', 'Infinity', '-Infinity', '""', '"abc"', ' \t\n\r 7 \n',
        '[]', '{}', '[ ]', '{ }', '[1,2,3]', '[ 1 , [ 2 , [ 3 ] ] ]', '{"a": {"b": {"c": []}}}',
        '{"a":1,"a":2,"b":3,"a":4}', '{"": 0}', '[true,false,null,"x",1.0,{"k":[{}]}]',
        '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u0041\\u00e9\\u20ac\\uffff"', '"\\ud83d\\ude00"',
        '"\\uD834\\uDD1E"', '"caf\u00e9 \U0001F600"', '{"\u00e9": "\u00e9", "k\\n": 1}',
        '"\\u0000"', '"a\\u0062c"']
for doc in docs:
    show('loads %r' % doc, lambda: json.loads(doc))
r = json.loads('{"b": 1, "a": 2, "b": 3}')
print(list(r.items()))
big = json.loads('[' + ','.join(str(i) for i in range(1000)) + ']')
print(sum(big), type(big[0]).__name__)
print(json.loads(json.dumps(data)) == json.loads(json.dumps(data, indent=4)))
x = json.loads('[{"key": 1}, {"key": 2}]')
print(x[0].keys() == x[1].keys())
print(json.loads(b'{"bytes": [1]}'), json.loads(bytearray(b'"ba"')))
print(json.loads('"\x7f\u0080"'))

# ---- loads: strict mode control characters
show('strict ctrl', lambda: json.loads('"a\tb"'))
show('strict ctrl nl', lambda: json.loads('["ok", "a\nb"]'))
show('nonstrict ctrl', lambda: json.loads('"a\tb\x00\nc"', strict=False))
show('nonstrict key', lambda: json.loads('{"a\x01": "\x1f"}', strict=False))
show('decoder nonstrict', lambda: json.JSONDecoder(strict=False).decode('["\t"]'))

# ---- loads: errors (message, pos, lineno, colno)
bad = ['', ' ', '[', ']', '{', '}', '[1,]', '[1 2]', '{"a" 1}', '{"a":}', '{"a":1,}', '{a:1}',
       '{"a":1 "b":2}', '[1] x', '1 2', '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12g4"', '"\\uXYZW"',
       'nul', 'tru', 'falsy', '-', '-x', '01', '1.', '1.e5', '1e', '1e+', '.5', '+1', 'nan', 'inf',
       '[\n  1,\n  2\n  x]', '{\n"a": [\n1,\n]\n}', '\ufeff[1]', '[1, "ok", "\u00e9", }',
       '{"\u00e9\u00e9": 1, 2}', '["\U0001F600", @]', '{"a":1}}', '[[[[]]]', '"\\ud800\\u12"',
       '  \n  \n   x', '[1,\n\n  \t,2]', '{"a"\n:\n1\n,\n}', 'Infinityx', '[NaN, -Infinity, -Inf]',
       '"\\u00e9', '["x\\u00e9', '"\\u 12 "', '"\\u+1ff"', '"\\u1_2f"', '"\\u0x12"', '"\\ud83d\\ude00',
       '"\\ud83d\\ude0"', '"\\ud83d\\u"', '"\\', '"\\u']
for doc in bad:
    show('bad %r' % doc, lambda: json.loads(doc))
show('bad type', lambda: json.loads(5))
show('bad type 2', lambda: json.loads([1]))

# ---- loads: hooks and options (Python fallback paths)
show('object_hook', lambda: json.loads('{"a": {"b": 1}, "c": [{}]}', object_hook=lambda d: sorted(d.items())))
show('object_pairs_hook', lambda: json.loads('{"b": 1, "a": {"x": 2}, "b": 3}', object_pairs_hook=lambda p: p))
show('pairs OrderedDict', lambda: json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
show('parse_float', lambda: json.loads('[1.5, 2, 1e3]', parse_float=lambda s: 'F' + s))
show('parse_int', lambda: json.loads('[1.5, 2, -30]', parse_int=lambda s: 'I' + s))
show('parse_constant', lambda: json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'C' + s))
show('hook error', lambda: json.loads('{"a": [1, 2,]}', object_hook=dict))
show('hook ctrl', lambda: json.loads('{"a\\u00e9": "\\ud83d\\ude00\\n"}', object_hook=lambda d: list(d.items())))


class Dec(json.JSONDecoder):
    def decode(self, s):
        return ('sub', super().decode(s))


show('cls', lambda: json.loads('[1, {"a": null}]', cls=Dec))
dec = json.JSONDecoder()
show('raw_decode', lambda: dec.raw_decode('{"a": 1} tail'))
show('raw_decode idx', lambda: dec.raw_decode('xx[1, 2]yy', 2))
show('raw_decode bad', lambda: dec.raw_decode('xx', 1))
show('raw_decode ws', lambda: dec.raw_decode(' [1]', 0))
show('raw_decode end', lambda: dec.raw_decode('[1]', 3))
show('raw_decode neg', lambda: dec.raw_decode('[1]', -3))
show('raw_decode err', lambda: dec.raw_decode('{"a": [1, }', 0))
show('raw_decode nonascii', lambda: dec.raw_decode('["\u00e9"] {"b": 2}', 6))
stream = '{"a": 1} [2, 3] "four" 5.5 null {"six": {"7": [8]}}'
pos, items = 0, []
while pos < len(stream):
    obj, pos = dec.raw_decode(stream, pos)
    items.append(obj)
    while pos < len(stream) and stream[pos] == ' ':
        pos += 1
print(items, pos)
scan = getattr(json, 'decoder', json).scanstring
show('scanstring', lambda: scan('"abc" rest', 1))
show('scanstring esc', lambda: scan('["a\\n\\u00e9b", 1]', 2))
show('scanstring nonascii', lambda: scan('["\u00e9\u00e9", "x\\ty"]', 8))
show('scanstring bad', lambda: scan('"abc', 1))
show('scanstring ctrl', lambda: scan('"a\tb"', 1, False))
show('scanstring ctrl strict', lambda: scan('"a\tb"', 1, True))

# ---- round trips
rt = {"k%d" % i: [i, str(i), {"x": i * 1.5, "y": -i / 3, "s": "v\u00e9\n%d" % i}] for i in range(300)}
s = json.dumps(rt)
print(len(s), json.loads(s) == rt, json.loads(json.dumps(rt, ensure_ascii=False)) == rt)
print(json.loads(json.dumps(rt, indent=2, sort_keys=True)) == rt)
deep = '[' * 500 + ']' * 500
v = json.loads(deep)
n = 0
while v:
    v = v[0]
    n += 1
print('depth', n)
deepd = '{"a":' * 300 + '1' + '}' * 300
print(len(json.dumps(json.loads(deepd))))
