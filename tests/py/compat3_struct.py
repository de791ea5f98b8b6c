# struct: pack/unpack/calcsize, byte orders, native alignment, Struct, errors
import struct
print(struct.calcsize("i"), struct.calcsize("@ic"), struct.calcsize("@ci"), struct.calcsize("<ci"), struct.calcsize("3s2H"), struct.calcsize("@qbd"))
b = struct.pack("<iHd", -5, 65535, 3.5); print(b, struct.unpack("<iHd", b))
print(struct.pack(">I", 1), struct.pack("!h", -2), struct.pack("<f", 0.1), struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.pack("4s", b"ab"), struct.pack("2s", b"abcd"), struct.unpack("3s", b"xyz"), struct.pack("?", 5), struct.unpack("??", b"\x00\x02"))
print(struct.pack("5p", b"hi"), struct.unpack("5p", b"\x02hi\x00\x00"), struct.pack("c", b"z"), struct.pack("xbx", 1))
print(struct.pack("@bi", 1, 2), struct.pack("=bi", 1, 2), struct.pack("<q", -1), struct.unpack("<Q", b"\xff" * 8))
s = struct.Struct("<2h"); print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00"), list(s.iter_unpack(b"\x01\x00\x02\x00" * 2)))
buf = bytearray(8); struct.pack_into("<hh", buf, 2, 7, 8); print(buf, struct.unpack_from("<h", buf, 4))
print(struct.pack("<d", float("inf")), struct.unpack(">d", b"\x7f\xf8" + b"\x00" * 6), struct.pack("<d", -0.0))
for f, v in [("<h", 40000), ("<B", -1), ("<I", -1), ("<q", 2**63), ("<i", 1.5), ("<d", "x"), ("<c", b"ab"), ("<f", 1e40)]:
    try: struct.pack(f, v)
    except (struct.error, OverflowError) as e: print(type(e).__name__, e)
for f, b in [("<i", b"\x00"), ("<z", b"")]:
    try: struct.unpack(f, b)
    except struct.error as e: print(e)
try: struct.pack("<hh", 1)
except struct.error as e: print(e)
print(struct.error.__module__, struct.unpack("<I", bytes([1, 2, 3, 4]))[0], struct.pack("<3B", 1, 2, 3))
header = struct.pack("<4sII", b"WEFT", 1, 1024); magic, ver, size = struct.unpack("<4sII", header); print(magic.decode(), ver, size)
