from . import sub
from .sub import value


def twice(x):
    return x * 2 + value - sub.value
