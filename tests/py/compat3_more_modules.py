# pickle (protocols 2-5: builtins, instances, dataclasses, namedtuples, shared and
# recursive references, files), configparser, getopt, graphlib, sched, secrets,
# binascii, platform, getpass
import pickle, io
from dataclasses import dataclass
from collections import OrderedDict, defaultdict, namedtuple, Counter
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Pt({self.x}, {self.y})"
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
@dataclass
class D:
    a: int
    b: list
N = namedtuple("N", "p q")
data = {"ints": [1, -2, 2**70, 0], "floats": [1.5, float("inf")], "s": "héllo", "b": b"\x00\xff", "t": (1, (2,)), "set": {1, 2}, "fs": frozenset([3]),
        "none": None, "bools": [True, False], "obj": Pt(1, 2), "dc": D(1, [2]), "nt": N(1, 2), "od": OrderedDict(a=1), "cnt": Counter("aab"), "ba": bytearray(b"xy")}
for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    s = pickle.dumps(data, protocol=proto)
    back = pickle.loads(s)
    print(proto, back == data, type(back["obj"]).__name__, back["nt"], back["cnt"])
lst = [1, 2]; shared = [lst, lst]; r = pickle.loads(pickle.dumps(shared)); print(r[0] is r[1])
rec = []; rec.append(rec); r2 = pickle.loads(pickle.dumps(rec)); print(r2[0] is r2)
buf = io.BytesIO(); pickle.dump({"k": 1}, buf); buf.seek(0); print(pickle.load(buf))
import tempfile, os
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "state.pkl")
    with open(p, "wb") as f: pickle.dump(data, f)
    with open(p, "rb") as f: print(pickle.load(f) == data)
try: pickle.dumps(lambda: 1)
except (pickle.PicklingError, AttributeError) as e: print(type(e).__name__)
print(pickle.dumps(5, protocol=2), pickle.dumps("a", protocol=4)[:6])
import getpass, configparser, getopt, graphlib, sched
cp = configparser.ConfigParser()
cp.read_string("""
[DEFAULT]
debug = false
[server]
host = localhost
port = 8080
ratio = 0.5
[paths]
home = /home/${server:host}
""")
print(cp.sections(), cp["server"]["host"], cp.getint("server", "port"), cp.getfloat("server", "ratio"), cp.getboolean("server", "debug"))
print(dict(cp["server"]), "server" in cp, cp.get("server", "missing", fallback="fb"))
import io
buf = io.StringIO(); cp.write(buf); print(buf.getvalue())
opts, args = getopt.getopt(["-a", "-b", "val", "--long=x", "rest"], "ab:", ["long="]); print(opts, args)
ts = graphlib.TopologicalSorter({"b": {"a"}, "c": {"b", "a"}}); print(list(ts.static_order()))
s = sched.scheduler(); out = []
s.enter(0.02, 1, out.append, ("second",)); s.enter(0.01, 1, out.append, ("first",)); s.run(); print(out)
import secrets, binascii, platform, getpass, random, string
t = secrets.token_hex(16); print(len(t), all(c in "0123456789abcdef" for c in t))
u = secrets.token_urlsafe(16); print(len(u) >= 16, "=" not in u)
print(len(secrets.token_bytes(8)), 0 <= secrets.randbelow(10) < 10, secrets.choice("abc") in "abc", secrets.randbits(8) < 256)
pw = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(12)); print(len(pw))
print(secrets.compare_digest("a", "a"))
sr = random.SystemRandom(); x = sr.random(); print(0 <= x < 1, 1 <= sr.randint(1, 6) <= 6, len(sr.sample(range(10), 3)))
print(binascii.hexlify(b"\x01\xab"), binascii.unhexlify("01ab"), binascii.crc32(b"hello world"), binascii.b2a_base64(b"hi"), binascii.a2b_base64(b"aGk=\n"))
print(binascii.hexlify(b"abc", "-"), binascii.crc_hqx(b"abc", 0))
try: binascii.unhexlify("abc")
except binascii.Error as e: print(e)
print(platform.system(), platform.python_implementation(), platform.python_version_tuple()[0], type(platform.uname().release).__name__, type(platform.platform()).__name__)
print(type(getpass.getuser()).__name__)
