def describe(v):
    match v:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float():
            return "number"
        case "hello" | "hi":
            return "greeting"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest]:
            return f"seq starting {first} with {len(rest)} more"
        case {"type": "point", "x": x, **others}:
            return f"point x={x} others={others}"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(a, b):
            return f"point {a},{b}"
        case None:
            return "none"
        case _:
            return "other"

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

for v in [0, -5, 3.5, "hi", [1, 2], [1, 2, 3], {"type": "point", "x": 1, "z": 2}, Point(0, 7), Point(3, 4), None, "zzz"]:
    print(describe(v))
