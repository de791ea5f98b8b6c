import json
from collections import OrderedDict
data = {'name': 'weft', 'tags': ['a', 'b'], 'n': 3, 'pi': 3.14159, 'ok': True, 'none': None, 'nested': {'x': [1, 2, {'y': []}], 'e': {}}, 'u': 'caf\u00e9 \U0001F600', 'esc': 'q"b\\n\n\t\x01'}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(',', ':'), ensure_ascii=False))
print(json.dumps([1, [2, [3]]], indent='\t'))
print(json.dumps({3: 'int', 1.5: 'f', True: 't', None: 'n'}), json.dumps((1, 2)), json.dumps('s'), json.dumps(1e100), json.dumps(float('inf')), json.dumps(-0.0), json.dumps(10**30))
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True, indent=0))
try:
    json.dumps({(1, 2): 3})
except TypeError as e: print('TypeError', e)
try:
    json.dumps(object())
except TypeError as e: print('TypeError', e)
print(json.dumps({(1, 2): 3, 'k': 1}, skipkeys=True))
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e: print('ValueError', e)
try:
    json.dumps(float('nan'), allow_nan=False)
except ValueError as e: print('ValueError', e)
print(json.dumps({1, 2} if False else [1], default=list), json.dumps({'s': {3}}, default=sorted))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
print(json.dumps({'s': {3, 1}}, cls=Enc), Enc(indent=1).encode([1]))
s = json.dumps(data)
print(json.loads(s) == data, json.loads(json.dumps(data, indent=4)) == data)
print(json.loads('[1, 2.5, -3e2, 0, -0, "x", true, false, null, {}, [], {"a": {"b": [1]}}]'))
print(json.loads('"\\u00e9\\ud83d\\ude00\\n\\/"'), json.loads('  {"a" : 1 , "b":[ 1 ,2 ] }  '))
print(json.loads('NaN'), json.loads('[Infinity, -Infinity]'), json.loads('12345678901234567890'), json.loads('1E+2'), json.loads(b'[1]'))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=OrderedDict), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)), json.loads('[1.5]', parse_float=str), json.loads('[7]', parse_int=float))
for bad in ['', '[', '[1,]', '{"a" 1}', '{"a": 1,}', '{a: 1}', '[1 2]', '"abc', '"a\\x"', '[1] x', 'tru', '{"a": }', '"\\u12"', '\n\n  [1,\n  }', '"a\tb"', '-', '01']:
    try:
        json.loads(bad)
        print('no error', repr(bad))
    except json.JSONDecodeError as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"a\tb"', strict=False), isinstance(json.JSONDecodeError('m', 'd', 0), ValueError))
print(json.JSONDecoder().raw_decode('[1] rest'))
