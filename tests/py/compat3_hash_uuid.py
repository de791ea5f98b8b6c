# hashlib (md5/sha1/sha2 family against known digests), hmac, pbkdf2, uuid
import hashlib, hmac
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    for data in [b"", b"abc", b"hello world", b"a" * 55, b"a" * 56, b"a" * 64, b"x" * 111, b"x" * 112, b"x" * 1000, bytes(range(256)) * 3]:
        h = hashlib.new(name, data)
        assert h.hexdigest() == getattr(hashlib, name)(data).hexdigest()
    print(name, hashlib.new(name, b"The quick brown fox").hexdigest(), h.digest_size, h.block_size, h.name)
h = hashlib.sha256(); h.update(b"hello "); c = h.copy(); h.update(b"world")
print(h.hexdigest(), c.hexdigest(), hashlib.sha256(b"hello world").digest()[:4])
print(hashlib.md5("héllo".encode("utf-8")).hexdigest())
try: hashlib.sha256("text")
except TypeError as e: print(e)
try: hashlib.new("nope")
except ValueError as e: print(e)
print(hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.sha256).hexdigest())
print(hmac.new(b"key", b"msg", "md5").hexdigest(), hmac.digest(b"k" * 100, b"m", "sha1").hex())
print(hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"a", b"b"))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 100).hex())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha256"}))
def checksum(path_data): return hashlib.sha1(path_data).hexdigest()[:8]
print([checksum(s.encode()) for s in ["a", "b", "c"]])
import uuid
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.version, u.variant, u.urn, u.bytes[:4], u.fields)
print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_URL, "http://x"))
a = uuid.uuid4(); b = uuid.uuid4()
print(a != b, a.version, len(str(a)), str(a).count("-"), uuid.UUID(str(a)) == a, isinstance(hash(a), int))
t = uuid.uuid1(); print(t.version, t.variant)
print(uuid.UUID(bytes=b"\x00" * 16), uuid.UUID(int=1), uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, sorted([uuid.UUID(int=3), uuid.UUID(int=2)]))
try: uuid.UUID("xyz")
except ValueError as e: print(e)
try: u.int = 5
except TypeError as e: print(e)
print(uuid.UUID(bytes_le=u.bytes_le) == u, {u: 1}[uuid.UUID(u.hex)])
