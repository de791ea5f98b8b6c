# complex: TypeErrors of float()/int()/math functions/round on complex, conversions
import math
z = 1 + 2j
for f in (float, int, math.sqrt, math.floor, round):
    try: f(z)
    except TypeError as e: print(f.__name__, e)
print(complex(1.5), complex(2), complex(z), complex(True))
class Num:
    def __float__(self): return 2.5
print(complex(Num()), complex(1, Num()))
