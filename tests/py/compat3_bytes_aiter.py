# bytes/bytearray ASCII case methods, translate/maketrans, bytearray.remove; aiter/anext
print(b"hello world".capitalize(), b"Hello".swapcase(), b"hello big world".title(), b"Hello World".istitle(), b"hello".istitle(), b"abc".isascii(), b"\xff".isascii())
print(b"caf\xe9 x".title(), b"\xe9a".capitalize(), bytearray(b"ab").swapcase())
tbl = bytes.maketrans(b"abc", b"xyz"); print(b"aabbcc".translate(tbl), b"hello".translate(None, b"l"), b"abc".translate(tbl, delete=b"b"), len(tbl))
ba = bytearray(b"hello"); ba.remove(ord("l")); print(ba)
try: ba.remove(200)
except ValueError as e: print(e)
try: b"x".translate(b"short")
except ValueError as e: print(e)
import asyncio
class Ticker:
    def __init__(self, n): self.i = 0; self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n: raise StopAsyncIteration
        self.i += 1; return self.i
async def main():
    it = aiter(Ticker(2))
    print(await anext(it), await anext(it), await anext(it, "done"))
    try: await anext(it)
    except StopAsyncIteration: print("stop")
asyncio.run(main())
try: aiter(5)
except TypeError as e: print(e)
