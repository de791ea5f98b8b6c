tests = [
    "len()", "len(1, 2)", "len(5)", "int('abc')", "int(None)", "float('x')", "[].pop()", "{}.popitem()",
    "'abc'.index('z')", "[1].index(2)", "(1,2)[5]", "'a' * 'b'", "None + 1", "1 < 'a'", "[1] < [None]",
    "abs('x')", "sum(['a'])", "max()", "min([])", "next(iter([]))", "chr(-1)", "ord('ab')", "divmod(1, 0)",
    "1 / 0.0", "2 ** 10000.0", "'x'.join([1])", "dict([1])", "set([[]])", "hash([])", "{[]: 1}",
    "object().x", "object().x = 1", "del [1][5]", "import nonexistent_mod", "undefined_fn()",
    "(lambda x: x)()", "(lambda: 1)(2)", "int.nope", "list(5)", "iter(5)",
    "range(1.5)", "range(0)[0]", "[1,2,3][1:2:0]", "'%d' % 'x'", "'{0}'.format()", "f'{1:q}'",
    "bytes('x')", "b'a' + 'b'", "tuple(1)", "sorted([1, 'a'])", "isinstance(1, 2)", "getattr(1)",
    "super()", "type('X', 1, {})", "compile", "round('x')", "pow(2, 3, 0)",
]
for t in tests:
    try:
        r = eval(t)
        print("OK ", t, "->", type(r).__name__)
    except Exception as e:
        print("ERR", t, "->", type(e).__name__ + ":", e)
