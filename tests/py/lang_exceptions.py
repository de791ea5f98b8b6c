def risky(n):
    if n == 0:
        raise ValueError("zero!")
    return 10 / n

for n in (2, 0):
    try:
        r = risky(n)
    except ValueError as e:
        print("caught", type(e).__name__, e, e.args)
    else:
        print("ok", r)
    finally:
        print("finally", n)

try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    [1][5]
except IndexError as e:
    print("IndexError", e)
try:
    1 / 0
except (TypeError, ZeroDivisionError) as e:
    print("tuple match", e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    int("x")
except ValueError as e:
    print(e)

class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

try:
    raise MyError(7)
except Exception as e:
    print(type(e).__name__, e, e.code, isinstance(e, MyError))

try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise RuntimeError("outer") from e
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), e.__suppress_context__)

try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(e, "context:", repr(e.__context__))

def reraiser():
    try:
        raise TypeError("again")
    except TypeError:
        raise

try:
    reraiser()
except TypeError as e:
    print("reraised", e)

def finally_return():
    try:
        return "try"
    finally:
        print("finally before return")

print(finally_return())

def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())

try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert", e)

class Ctx:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with Ctx("a") as a, Ctx("b") as b:
    print("body", a.name, b.name)
with Ctx("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with Ctx("n"):
        raise KeyError("boom")
except KeyError as e:
    print("propagated", e)

def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
g = gen_with_finally()
print(next(g))
g.close()
try:
    raise StopIteration
except Exception as e:
    print("StopIteration is an Exception:", type(e).__name__)
e = None
try:
    raise ValueError
except ValueError as exc:
    e = exc
print(repr(e))
print(issubclass(KeyError, LookupError), issubclass(TaskletExit, SystemExit) if "TaskletExit" in dir(__builtins__) else True)
