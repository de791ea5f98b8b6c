from decimal import Decimal, getcontext, ROUND_HALF_UP
print(Decimal("1.1") + Decimal("2.2"), Decimal(1) / Decimal(7), Decimal("3.14159").quantize(Decimal("0.01")), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
getcontext().prec = 5; print(Decimal(1) / Decimal(3), repr(Decimal("0.1")), Decimal(0.1), float(Decimal("1.5")), int(Decimal("7.9")), Decimal("10") ** 2, sum([Decimal("0.1")] * 3))
from fractions import Fraction
print(Fraction(1, 3) + Fraction(1, 6), Fraction("3/4") * 2, Fraction(0.5), float(Fraction(7, 8)), Fraction(10, 4), repr(Fraction(1, 2)), Fraction(1, 3) < 0.5, Fraction("1.25"), Fraction(1, 3).limit_denominator(2))
import statistics as st
print(st.mean([1, 2, 3, 4]), st.mean([1, 2, 3]), st.median([3, 1, 2, 5]), st.mode([1, 1, 2]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.variance([1, 2, 3, 4]), st.median_low([1, 2, 3, 4]), st.fmean([1.5, 2.5]), st.multimode("aabbc"), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8]))
print(st.mean([0.1, 0.2, 0.3]), st.harmonic_mean([1, 2, 4]), st.geometric_mean([1, 2, 4]), st.median_grouped([1, 2, 2, 3]), st.pvariance([1.5, 2.5]), st.correlation([1, 2, 3], [2, 4, 7]), st.linear_regression([1, 2, 3], [2, 4, 6]))
try: st.mean([])
except st.StatisticsError as e: print(e)
import math
for x in [0.0, 0.5, 1, -1.5, 3, 10.5, 0.001, 171.5]:
    try: print(x, math.erf(x), math.erfc(x), math.gamma(x), math.lgamma(x))
    except Exception as e: print(x, type(e).__name__, e)
for x in [0, -1, 172, float("inf"), float("-inf")]:
    try: print(x, math.gamma(x))
    except Exception as e: print(x, type(e).__name__, e)
    try: print(x, math.lgamma(x))
    except Exception as e: print(x, type(e).__name__, e)
import warnings
warnings.warn("deprecated thing", DeprecationWarning)  # shown on stderr
warnings.warn("user warn")
def f():
    warnings.warn("in f", stacklevel=2)
f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("caught", RuntimeWarning)
    print(len(w), w[0].category.__name__, str(w[0].message))
warnings.filterwarnings("ignore", category=UserWarning)
warnings.warn("ignored")
print("after warn")
m = __import__("os.path"); print(m.__name__)
m = __import__("os.path", fromlist=["join"]); print(m.__name__ in ("posixpath", "os.path"))
print(issubclass(PendingDeprecationWarning, Warning), FutureWarning.__mro__)
