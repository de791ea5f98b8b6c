print("é€".encode("utf-16"), "é€".encode("utf-16-be"), "ab".encode("utf-32"), "ab".encode("utf-32-le"))
print("é€😀".encode("utf-16").decode("utf-16"), b"\x00a\x00b".decode("utf-16-be"), "x😀".encode("utf-32").decode("utf-32"))
print(b"abc".center(9, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"42".zfill(5), bytearray(b"x").center(3))
print(b"a b  c".rsplit(None, 1), b"l1\nl2\r\n".splitlines(), b"l1\nl2".splitlines(True), b"a=b=c".rpartition(b"="), b"abcb".rindex(b"b"))
print(b"prefix_x".removeprefix(b"prefix_"), b"x.txt".removesuffix(b".txt"), b"a\tb".expandtabs(4))
print(b"%d-%s-%b" % (1, b"x", b"y"), b"%05.1f|%x|%c" % (3.14159, 255, 65), b"%(k)s" % {b"k": b"v"}, bytearray(b"%s!") % b"hi", b"100%%" % ())
try: b"%s" % "str"
except TypeError as e: print(e)
