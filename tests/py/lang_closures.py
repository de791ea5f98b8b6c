def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
c(); c(); print(c(10))

G = 1
def set_global():
    global G
    G = 42
set_global()
print(G)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])
late = [lambda: i for i in range(3)]
print([f() for f in late])

def decorator(fn):
    def wrapper(*args, **kwargs):
        return ("wrapped", fn(*args, **kwargs))
    wrapper.__name__ = fn.__name__
    return wrapper

@decorator
def hello(name):
    return "hi " + name
print(hello("bob"), hello.__name__)

def deco_with_args(tag):
    def deco(fn):
        def w(*a):
            return tag + str(fn(*a))
        return w
    return deco

@deco_with_args("<")
@deco_with_args(">")
def three():
    return 3
print(three())

print([x * y for x in range(3) for y in range(3) if x != y])
print({x: x * x for x in range(5)})
print(sorted({x % 3 for x in range(10)}))
gen = (x + 1 for x in range(5))
print(list(gen), list(gen))
print([[j for j in range(i)] for i in range(4)])
matrix = [[1, 2], [3, 4]]
print([row[i] for i in range(2) for row in matrix])
