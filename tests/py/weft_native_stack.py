# Heap frames: the native stack pointer seen by a native function is the
# same at Python call depth 10 and 100,000.
import _weft

def probe(n):
    if n == 0:
        return _weft.native_stack_pointer(), _weft.frame_depth()
    return probe(n - 1)

sp_shallow, depth_shallow = probe(10)
sp_deep, depth_deep = probe(100_000)
print("frames grew:", depth_deep - depth_shallow == 100_000 - 10)
print("native stack moved by", abs(sp_deep - sp_shallow), "bytes")
print("same native stack:", sp_deep == sp_shallow)

def d(n):
    return 0 if n == 0 else 1 + d(n - 1)

print(d(1_000_000))
