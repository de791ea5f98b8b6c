x: int = 5
y: "str"
print(__annotations__)
class C:
    a: int
    b: list = []
    def f(self):
        z: int = 3
        return z
print(__annotations__, C.__annotations__, C().f(), x)
