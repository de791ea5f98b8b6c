# generator and coroutine names and reprs, ModuleNotFoundError.name
def countdown(n):
    while n:
        yield n
        n -= 1


class Box:
    def items(self):
        yield from (1, 2)


async def fetch():
    return 1

g = countdown(3)
print(repr(g).split(" at ")[0], g.__name__, g.__qualname__, g.gi_running)
b = Box().items()
print(repr(b).split(" at ")[0], b.__qualname__)
print(repr((x for x in [])).split(" at ")[0])
c = fetch()
print(repr(c).split(" at ")[0], c.__name__)
c.close()
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, e)
