"""hashlib for weft: md5, sha1, sha224, sha256, sha384, sha512 (and
new()), digests computed by the native `_weft_hash`. A hash object keeps
the bytes given to update() and digests them when asked."""

import _weft_hash

_INFO = {
    "md5": (16, 64), "sha1": (20, 64), "sha224": (28, 64),
    "sha256": (32, 64), "sha384": (48, 128), "sha512": (64, 128),
}
algorithms_guaranteed = frozenset(_INFO)
algorithms_available = frozenset(_INFO)

__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new",
           "algorithms_guaranteed", "algorithms_available", "file_digest")


def _check_data(data):
    if isinstance(data, str):
        raise TypeError("Strings must be encoded before hashing")
    if not isinstance(data, (bytes, bytearray)):
        try:
            return bytes(memoryview(data))
        except Exception:
            raise TypeError("object supporting the buffer API required") from None
    return data


class _Hash:
    def __init__(self, name, data=b""):
        self.name = name
        self.digest_size, self.block_size = _INFO[name]
        self._data = bytearray()
        if data:
            self.update(data)

    def update(self, data):
        self._data += _check_data(data)

    def digest(self):
        return _weft_hash.digest(self.name, bytes(self._data))

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        h = _Hash(self.name)
        h._data = bytearray(self._data)
        return h

    def __repr__(self):
        return "<%s _hashlib.HASH object @ %#x>" % (self.name, id(self))


def new(name, data=b"", **kwargs):
    key = name.lower().replace("-", "").replace("_", "")
    if key not in _INFO:
        raise ValueError("unsupported hash type " + name)
    return _Hash(key, data)


def _ctor(name):
    def make(data=b"", *, usedforsecurity=True, string=None):
        if string is not None:
            data = string
        return _Hash(name, data)
    make.__name__ = "openssl_" + name
    return make


md5 = _ctor("md5")
sha1 = _ctor("sha1")
sha224 = _ctor("sha224")
sha256 = _ctor("sha256")
sha384 = _ctor("sha384")
sha512 = _ctor("sha512")


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    h = new(digest) if isinstance(digest, str) else digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        h.update(chunk)
    return h


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    import hmac
    h = new(hash_name)
    dklen = dklen or h.digest_size
    out = b""
    block = 1
    while len(out) < dklen:
        u = hmac.new(password, salt + block.to_bytes(4, "big"), hash_name).digest()
        t = int.from_bytes(u, "big")
        for _ in range(iterations - 1):
            u = hmac.new(password, u, hash_name).digest()
            t ^= int.from_bytes(u, "big")
        out += t.to_bytes(h.digest_size, "big")
        block += 1
    return out[:dklen]
