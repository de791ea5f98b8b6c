print("hello", 1, 2.5, None, True, [1, 'a', (2,)], {'k': [1.0]}, {1, 2}, (1,))
x = [3, 1, 2]
x.sort()
print(x, sorted("hello"), len(x), list(range(5)), range(1, 10, 2))
d = {'a': 1}
d.update(b=2)
print(d, d.get('z', 5), list(d.items()), d.keys())
print("a,b,c".split(","), " x ".strip(), "-".join(["a", "b"]), "abc".upper())
print(int("42") + 1, float("1.5"), str(3), repr("it's"), 1e16, 0.1 + 0.2)
print(f"{3.14159:.2f} {42:05d} {'x':>4}|", "%s-%d" % ("a", 5))
try:
    {}['missing']
except KeyError as e:
    print("KeyError", e, repr(e))
print(max([1, 5, 3]), min(4, 2), sum([1, 2, 3]), abs(-3), round(2.5), divmod(7, 2))
print(list(zip([1, 2], 'ab')), list(enumerate('xy', 1)), list(map(str, [1, 2])))
print(isinstance(1, int), hex(255), bin(5), chr(65), ord('a'))
