import traceback, sys, io, types, contextlib
def clean(text): return '\n'.join(l.replace(__file__, 'FILE') for l in text.splitlines() if set(l.strip()) - set('^~'))
from contextlib import contextmanager, suppress, redirect_stdout, ExitStack, closing, nullcontext
def inner(): raise ValueError("deep")
def outer(): inner()
try:
    outer()
except ValueError:
    s = traceback.format_exc()
    print(clean(s))
    print(traceback.format_exception_only(*sys.exc_info()[:2]))
try:
    try: {}["k"]
    except KeyError as e: raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(clean("".join(traceback.format_exception(type(e), e, e.__traceback__))))
    print(traceback.format_exception(e)[-1], end="")
print(repr(traceback.format_exc()))
buf = io.StringIO()
buf.write("hello\n"); print("world", file=buf); buf.writelines(["a\n", "b"])
print(repr(buf.getvalue()), buf.tell())
buf.seek(0); print(repr(buf.readline()), repr(buf.read(3)), buf.readlines())
for line in io.StringIO("x\ny\nz"): print(repr(line))
with redirect_stdout(io.StringIO()) as f:
    print("captured")
    help_text = "x"
print("got", repr(f.getvalue()))
b = io.BytesIO(b"abc"); b.seek(0, 2); b.write(b"def"); print(b.getvalue(), b.tell())
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("p") as t:
    print("inside", t)
try:
    with tag("err"):
        raise KeyError("x")
except KeyError as e: print("propagated", e)
@contextmanager
def swallow():
    try: yield
    except ZeroDivisionError: print("swallowed")
with swallow(): 1/0
print("continues")
@tag("deco")
def decorated(): print("body")
decorated()
with suppress(FileNotFoundError, KeyError):
    {}["a"]
print("suppressed")
with ExitStack() as stack:
    for n in ("a", "b"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback")
    print("stack body")
class Res:
    def close(self): print("closed")
with closing(Res()) as r: print(type(r).__name__)
with nullcontext(5) as v: print(v)
ns = types.SimpleNamespace(a=1, b="x"); ns.c = [1]; print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def fn(): pass
print(isinstance(fn, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType), isinstance(sys, types.ModuleType))
print(isinstance(lambda: 0, types.LambdaType), isinstance(Res().close, types.MethodType))
print(traceback.extract_stack()[-1].name, len(traceback.format_stack()) >= 1)
