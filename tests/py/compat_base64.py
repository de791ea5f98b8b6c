import base64
for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256))[:70], "héllo wörld".encode()]:
    e = base64.b64encode(data)
    print(e[:40], base64.b64decode(e) == data, base64.b32encode(data)[:24], base64.b32decode(base64.b32encode(data)) == data, base64.b16encode(data)[:10], base64.urlsafe_b64encode(data)[:20])
print(base64.b64decode("aGVsbG8="), base64.b64decode(b"aGVsbG8"+b"="), base64.urlsafe_b64decode("-_-_"), base64.b16decode("4A4B"), base64.encodebytes(b"x" * 60), base64.b64encode(b"\xfb\xff", altchars=b"-_"))
try: base64.b64decode("abc")
except Exception as e: print(type(e).__name__, e)
try: base64.b64encode("str")
except TypeError as e: print(e)
