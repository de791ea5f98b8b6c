# optparse, reprlib (recursive_repr), _thread
from optparse import OptionParser
import reprlib
p = OptionParser(usage="usage: %prog [options] file")
p.add_option("-n", "--num", dest="num", type="int", default=1, help="count")
p.add_option("-v", action="store_true", dest="verbose")
p.add_option("-f", "--file", dest="filename", metavar="FILE")
opts, args = p.parse_args(["-n", "3", "-v", "--file=x.txt", "rest"])
print(opts.num, opts.verbose, opts.filename, args)
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr({i: i for i in range(20)}))
class R:
    @reprlib.recursive_repr()
    def __repr__(self): return f"R({self.items!r})"
r = R(); r.items = [r]; print(repr(r))
import _thread
print(type(_thread.get_ident()).__name__, _thread.allocate_lock().acquire())
