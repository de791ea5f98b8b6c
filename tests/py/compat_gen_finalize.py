def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print("finally", tag)
for x in gen("break"):
    print(x); break
print("after break")
def first(it):
    for x in it:
        return x
print(first(gen("return")))
print("after return")
def f():
    for x in gen("exc"):
        raise ValueError("v")
try: f()
except ValueError: print("caught")
g = gen("del"); next(g); del g
print("after del")
def lines():
    with open(__file__) as fh:
        for line in fh:
            yield line
for l in lines():
    break
print("ok")
def nested():
    for x in gen("inner"):
        for y in gen("inner2"):
            break
        break
nested()
print("end")
