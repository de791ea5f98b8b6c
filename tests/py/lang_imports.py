import math
import sys
from math import sqrt, pi as PI
import pkg_demo
from pkg_demo import helper
from pkg_demo.sub import value as subvalue
import pkg_demo.sub as s
from pkg_demo.star import *

print(math.floor(2.7), sqrt(16), round(PI, 4))
print(pkg_demo.NAME, helper.twice(21), subvalue, s.value, public_name)
print("_private" in dir(), __name__)
print(sys.modules["pkg_demo.helper"] is helper)
